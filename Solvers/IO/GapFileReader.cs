using System.Globalization;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.IO;

/// <summary>
/// Reads Generalized Assignment Problem files exactly as published: OR-Library's multi-instance files
/// (a leading instance count P, then P instances) and Yagiura's single-instance files (no leading P).
/// Each instance is <c>m n</c>, the m×n cost matrix (agent-major), the m×n resource matrix and the m
/// capacities, as whitespace-separated integers; line breaks carry no meaning.
/// </summary>
/// <remarks>
/// GAP maps onto the model exactly: agent <c>a{i}</c> has capacity b[i]; task <c>t{j}</c> has a per-pair
/// override with cost c[i][j] and load r[i][j] for every agent; there are no skills, times or dependencies.
/// Ids are 1-based, as in the literature.
/// </remarks>
public static class GapFileReader
{
    /// <summary>
    /// Reads every instance of a GAP file. A multi-instance file <c>gapK.txt</c> yields problems named
    /// <c>gapK-1</c>, <c>gapK-2</c>, ...; a single-instance file yields one problem named after the file.
    /// </summary>
    /// <exception cref="GapFormatException">The file does not follow the layout; the message names the file, the token and what was expected.</exception>
    public static IReadOnlyList<SchedulingProblem> Read(string path, ObjectiveSense sense)
    {
        ArgumentNullException.ThrowIfNull(path);
        var tokens = GapTokenizer.Tokenize(path, File.ReadAllText(path));
        var stem = Path.GetFileNameWithoutExtension(path);
        var cursor = new Cursor(path, tokens);

        if (IsSingleInstance(tokens))
        {
            var problem = ReadInstance(cursor, stem, instanceLabel: "the instance", sense);
            return [problem];
        }

        var count = cursor.Next("the number of instances P", minimum: 1);
        var problems = new List<SchedulingProblem>(count);
        for (var p = 1; p <= count; p++)
            problems.Add(ReadInstance(cursor, $"{stem}-{p}", instanceLabel: $"instance {p}", sense));
        cursor.ExpectEnd($"the end of the file after {count} instance(s)");
        return problems;
    }

    /// <summary>A Yagiura file has exactly 2 + 2mn + m tokens when its first two tokens are read as m and n.</summary>
    private static bool IsSingleInstance(IReadOnlyList<GapToken> tokens)
    {
        if (tokens.Count < 2 || !long.TryParse(tokens[0].Text, CultureInfo.InvariantCulture, out var m) || !long.TryParse(tokens[1].Text, CultureInfo.InvariantCulture, out var n))
            return false;
        return m > 0 && n > 0 && 2 + 2 * m * n + m == tokens.Count;
    }

    private static SchedulingProblem ReadInstance(Cursor cursor, string name, string instanceLabel, ObjectiveSense sense)
    {
        var m = cursor.Next($"the number of agents m of {instanceLabel}", minimum: 1);
        var n = cursor.Next($"the number of tasks n of {instanceLabel}", minimum: 1);
        cursor.ExpectAtLeast(2L * m * n + m, $"{instanceLabel}: {m} agents × {n} tasks (two {m}×{n} matrices and {m} capacities)");
        var cost = ReadMatrix(cursor, m, n, "cost c", instanceLabel, minimum: int.MinValue);
        var resource = ReadMatrix(cursor, m, n, "resource r", instanceLabel, minimum: 0);
        var capacity = new int[m];
        for (var i = 0; i < m; i++)
            capacity[i] = cursor.Next($"capacity b[{i + 1}] of {instanceLabel}", minimum: 0);

        var agents = new Agent[m];
        for (var i = 0; i < m; i++)
            agents[i] = new Agent { Id = AgentId(i), Capacity = capacity[i] };
        var tasks = new SchedulingTask[n];
        for (var j = 0; j < n; j++)
            tasks[j] = new SchedulingTask { Id = TaskId(j) };
        var overrides = new TaskAgentOverride[m * n];
        for (var j = 0; j < n; j++)
            for (var i = 0; i < m; i++)
                overrides[j * m + i] = new TaskAgentOverride { TaskId = TaskId(j), AgentId = AgentId(i), Cost = cost[i, j], Load = resource[i, j] };

        return new SchedulingProblem
        {
            Name = name,
            Agents = agents,
            Tasks = tasks,
            Overrides = overrides,
            Objective = new Objective { Kind = ObjectiveKind.TotalCost, Sense = sense },
        };
    }

    private static int[,] ReadMatrix(Cursor cursor, int m, int n, string what, string instanceLabel, int minimum)
    {
        var matrix = new int[m, n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
                matrix[i, j] = cursor.Next($"{what}[{i + 1}][{j + 1}] of {instanceLabel}", minimum);
        return matrix;
    }

    /// <summary>The agent id of 0-based agent index <paramref name="i"/>.</summary>
    public static string AgentId(int i) => $"a{i + 1}";

    /// <summary>The task id of 0-based task index <paramref name="j"/>.</summary>
    public static string TaskId(int j) => $"t{j + 1}";

    private sealed class Cursor(string path, IReadOnlyList<GapToken> tokens)
    {
        private int _position;

        public int Next(string expected, int minimum)
        {
            if (_position >= tokens.Count)
                throw new GapFormatException(path, _position + 1, line: null, $"unexpected end of file; expected {expected}");
            var token = tokens[_position++];
            if (!int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw new GapFormatException(path, _position, token.Line, $"expected {expected} (an integer), found \"{token.Text}\"");
            if (value < minimum)
                throw new GapFormatException(path, _position, token.Line, $"expected {expected} ≥ {minimum}, found {value}");
            return value;
        }

        /// <summary>Fails early, before allocating, when a header announces more numbers than the file holds.</summary>
        public void ExpectAtLeast(long count, string what)
        {
            var remaining = tokens.Count - _position;
            if (count > remaining)
                throw new GapFormatException(path, _position, tokens[_position - 1].Line, $"{what} need {count} more numbers, but only {remaining} remain");
        }

        public void ExpectEnd(string expected)
        {
            if (_position < tokens.Count)
                throw new GapFormatException(path, _position + 1, tokens[_position].Line, $"expected {expected}, found \"{tokens[_position].Text}\" ({tokens.Count - _position} extra token(s))");
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Mip;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>Reads what the <c>cbc</c> command left: its <c>solu</c> file (status line, then nonzero columns) and its log.</summary>
internal static partial class CbcCliSolution
{
    public static BackendResult Read(ProblemInstance instance, IReadOnlyList<string> solution, string log)
    {
        var agentOfTask = Enumerable.Repeat(-1, instance.TaskCount).ToArray();
        var status = solution.Count > 0 ? solution[0] : "no solution file (cbc was killed or failed)";
        // "Stopped on time (no integer solution - continuous used)" lists an LP point, not an assignment.
        var hasSolution = solution.Count > 0 && !status.Contains("no integer solution", StringComparison.Ordinal) && !status.StartsWith("Infeasible", StringComparison.Ordinal);
        if (hasSolution)
        {
            foreach (var line in solution.Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 3 && MipLpFormat.TryParseAssignment(fields[1], out var task, out var agent)
                    && double.Parse(fields[2], CultureInfo.InvariantCulture) > 0.5)
                    agentOfTask[task] = agent;
            }
        }
        var optimal = status.StartsWith("Optimal", StringComparison.Ordinal);
        var termination = optimal ? TerminationReason.Optimal
            : status.StartsWith("Infeasible", StringComparison.Ordinal) ? TerminationReason.Infeasible
            : status.StartsWith("Stopped on time", StringComparison.Ordinal) ? TerminationReason.TimeLimit
            : TerminationReason.Completed;
        return new BackendResult
        {
            AgentOfTask = agentOfTask,
            Termination = termination,
            Bound = optimal ? Objective(status) : Bound(log),
            Details = new Dictionary<string, string> { ["cbcStatus"] = status },
        };
    }

    private static double? Objective(string status) =>
        ObjectiveValue().Match(status) is { Success: true } match ? double.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;

    private static double? Bound(string log) =>
        BoundLine().Match(log) is { Success: true } match ? double.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"objective value\s+(\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectiveValue();

    [GeneratedRegex(@"^(?:Lower|Upper) bound:\s+(\S+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BoundLine();
}

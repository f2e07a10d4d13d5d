using System.Globalization;
using System.Text.RegularExpressions;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>
/// Writes the exact MIP that <c>classical-mip</c> solves as a CPLEX LP file, so other solvers (Debian's <c>cbc</c>
/// command, GLPK, ...) can solve the same model and their answers can be read back. Assignment variables are named
/// <c>x{task}_{agent}</c> with zero-based indexes of the compiled <see cref="ProblemInstance"/>; auxiliary variables
/// (unassigned, excess, makespan, balance) are <c>aux{column}</c>.
/// </summary>
public static partial class MipLpFormat
{
    private const int TermsPerLine = 8;

    /// <summary>Writes the model of a problem the backend supports.</summary>
    /// <exception cref="NotSupportedException">The problem needs something the MIP cannot model; the message says what.</exception>
    public static void Write(ProblemInstance instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(writer);
        if (MipSupport.WhyUnsupported(instance.Problem) is { } unsupported)
            throw new NotSupportedException(unsupported);
        var model = MipModelBuilder.Build(instance);
        var names = ColumnNames(model);

        writer.WriteLine($"\\ {instance.Problem.Name}: {instance.TaskCount} tasks, {instance.AgentCount} agents");
        writer.WriteLine(model.Maximize ? "Maximize" : "Minimize");
        var objective = Enumerable.Range(0, model.ColumnCount).Where(c => model.Objective[c] != 0).Select(c => (c, model.Objective[c])).ToList();
        WriteTerms(writer, "obj", objective.Count > 0 ? objective : [(0, 0.0)], names);
        writer.WriteLine();

        writer.WriteLine("Subject To");
        foreach (var (row, terms) in Rows(model))
        {
            var lower = model.RowLower[row];
            var upper = model.RowUpper[row];
            var present = terms.Count > 0 ? terms : [(0, 0.0)]; // an empty row still constrains: 0 = 1 is infeasible
            if (lower == upper)
            {
                WriteTerms(writer, $"r{row}", present, names);
                writer.WriteLine($" = {Format(upper)}");
                continue;
            }
            if (IsFinite(upper))
            {
                WriteTerms(writer, $"r{row}", present, names);
                writer.WriteLine($" <= {Format(upper)}");
            }
            if (IsFinite(lower))
            {
                WriteTerms(writer, $"r{row}lo", present, names);
                writer.WriteLine($" >= {Format(lower)}");
            }
        }

        writer.WriteLine("Bounds");
        for (var c = 0; c < model.ColumnCount; c++)
        {
            var upper = IsFinite(model.ColumnUpper[c]) ? Format(model.ColumnUpper[c]) : "+inf";
            writer.WriteLine(model.ColumnLower[c] == model.ColumnUpper[c]
                ? $" {names[c]} = {upper}"
                : $" {Format(model.ColumnLower[c])} <= {names[c]} <= {upper}");
        }

        writer.WriteLine("Generals");
        foreach (var c in Enumerable.Range(0, model.ColumnCount).Where(c => model.IsInteger[c]))
            writer.WriteLine($" {names[c]}");
        writer.WriteLine("End");
    }

    /// <summary>Reads the task and agent indexes from an assignment variable's name; false for any other name.</summary>
    public static bool TryParseAssignment(string columnName, out int task, out int agent)
    {
        ArgumentNullException.ThrowIfNull(columnName);
        var match = AssignmentName().Match(columnName);
        task = match.Success ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : -1;
        agent = match.Success ? int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture) : -1;
        return match.Success;
    }

    [GeneratedRegex(@"^x(\d+)_(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex AssignmentName();

    private static string[] ColumnNames(MipModel model)
    {
        var names = new string[model.ColumnCount];
        for (var t = 0; t < model.FirstColumnOfTask.Length - 1; t++)
            for (var c = model.FirstColumnOfTask[t]; c < model.FirstColumnOfTask[t + 1]; c++)
                names[c] = $"x{t}_{model.AgentOfColumn[c]}";
        for (var c = model.AssignmentColumnCount; c < model.ColumnCount; c++)
            names[c] = $"aux{c}";
        return names;
    }

    /// <summary>The model's column-major matrix turned row-wise.</summary>
    private static List<(int Row, List<(int Column, double Value)> Terms)> Rows(MipModel model)
    {
        var rows = Enumerable.Range(0, model.RowCount).Select(r => (r, new List<(int, double)>())).ToList();
        for (var c = 0; c < model.ColumnCount; c++)
            for (var k = model.ColumnStart[c]; k < model.ColumnStart[c + 1]; k++)
                rows[model.RowIndex[k]].Item2.Add((c, model.Value[k]));
        return rows;
    }

    private static void WriteTerms(TextWriter writer, string label, IReadOnlyList<(int Column, double Value)> terms, string[] names)
    {
        writer.Write($" {label}:");
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0 && i % TermsPerLine == 0)
                writer.Write("\n   ");
            var (column, value) = terms[i];
            writer.Write(value < 0 ? $" - {Format(-value)} {names[column]}" : $" + {Format(value)} {names[column]}");
        }
    }

    private static bool IsFinite(double value) => Math.Abs(value) < 1e30;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

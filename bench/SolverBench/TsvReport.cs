using System.Globalization;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>The harness's TSV: a header row, then one row per instance. "NA" marks a missing value.</summary>
internal static class TsvReport
{
    public static IReadOnlyList<string> Columns(bool withOptima) =>
        withOptima
            ? ["instance", "backend", "objective", "feasible", "seconds", "bound", "gap_to_optimum"]
            : ["instance", "backend", "objective", "feasible", "seconds", "bound"];

    public static void Write(TextWriter writer, IEnumerable<BenchRow> rows, bool withOptima)
    {
        writer.WriteLine(string.Join('\t', Columns(withOptima)));
        foreach (var row in rows)
        {
            var fields = new List<string>
            {
                row.Instance, row.Backend, Number(row.Objective), row.Feasible ? "true" : "false",
                row.Seconds.ToString("0.000", CultureInfo.InvariantCulture), Number(row.Bound),
            };
            if (withOptima)
                fields.Add(row.GapToOptimum is { } gap ? gap.ToString("0.0000", CultureInfo.InvariantCulture) : "NA");
            writer.WriteLine(string.Join('\t', fields));
        }
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "NA";
}

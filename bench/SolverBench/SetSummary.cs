using System.Globalization;
using QuantumScheduler.Solvers.Backends;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>Per-set figures printed at the end of a run (sets as <see cref="BenchInstance.Set"/> names them).</summary>
internal sealed record SetSummary(string Set, int Instances, int Feasible, int ProvenOptimal, int WithGap, double? MeanGap, double? MaxGap, double MeanSeconds)
{
    public static IReadOnlyList<SetSummary> Of(IEnumerable<BenchRow> rows) =>
        [.. rows.GroupBy(r => r.Set).Select(g => Of(g.Key, g.ToList())), Of("all", rows.ToList())];

    private static SetSummary Of(string set, IReadOnlyList<BenchRow> rows)
    {
        var gaps = rows.Where(r => r.GapToOptimum is not null).Select(r => r.GapToOptimum!.Value).ToList();
        return new SetSummary(
            set,
            rows.Count,
            rows.Count(r => r.Feasible),
            rows.Count(r => r.Termination == TerminationReason.Optimal && r.Feasible),
            gaps.Count,
            gaps.Count > 0 ? gaps.Average() : null,
            gaps.Count > 0 ? gaps.Max() : null,
            rows.Count > 0 ? rows.Average(r => r.Seconds) : 0);
    }

    /// <summary>A fixed-width table; gaps in percent, "-" where no instance of the set had a known optimum and a feasible answer.</summary>
    public static void Print(TextWriter writer, IReadOnlyList<SetSummary> summaries, bool withOptima)
    {
        writer.WriteLine(withOptima
            ? $"{"set",-8} {"n",4} {"feasible",8} {"optimal",8} {"mean gap %",11} {"max gap %",10} {"mean s",8}"
            : $"{"set",-8} {"n",4} {"feasible",8} {"optimal",8} {"mean s",8}");
        foreach (var s in summaries)
        {
            var common = $"{s.Set,-8} {s.Instances,4} {s.Feasible,8} {s.ProvenOptimal,8}";
            writer.WriteLine(withOptima
                ? $"{common} {Percent(s.MeanGap),11} {Percent(s.MaxGap),10} {Seconds(s.MeanSeconds),8}"
                : $"{common} {Seconds(s.MeanSeconds),8}");
        }
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Seconds(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

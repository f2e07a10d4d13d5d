namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// Turns a backend's recent outcomes into <see cref="BackendStats"/>. Latency percentiles use the nearest-rank method
/// over every recorded attempt, failed ones included (a failure costs the caller its time too). Success rate counts
/// attempts that returned a solution; feasible rate and quality gap are over the successful ones.
/// </summary>
public static class BackendStatistics
{
    public static BackendStats Compute(IReadOnlyCollection<BackendOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0)
            return new BackendStats();

        var latencies = SortedLatencies(outcomes);
        return new BackendStats
        {
            Attempts = outcomes.Count,
            SuccessRate = SuccessRate(outcomes),
            LatencyP50Ms = Percentile(latencies, 50),
            LatencyP95Ms = Percentile(latencies, 95),
            LatencyP99Ms = Percentile(latencies, 99),
            BySize = ProblemSizeClass.All
                .Select(sizeClass => (sizeClass, outcomes: outcomes.Where(o => ProblemSizeClass.Of(o.ProblemSize) == sizeClass).ToList()))
                .Where(static group => group.outcomes.Count > 0)
                .Select(static group => ForSizeClass(group.sizeClass, group.outcomes))
                .ToList(),
        };
    }

    /// <summary>The nearest-rank percentile of ascending <paramref name="sorted"/> values; null when empty.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
            return null;
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static SizeClassStats ForSizeClass(string sizeClass, IReadOnlyCollection<BackendOutcome> outcomes)
    {
        var solved = outcomes.Where(static o => o.Success).ToList();
        var gaps = solved.Where(static o => o.QualityGap is not null).Select(static o => o.QualityGap!.Value).ToList();
        return new SizeClassStats
        {
            SizeClass = sizeClass,
            Attempts = outcomes.Count,
            SuccessRate = SuccessRate(outcomes),
            LatencyP50Ms = Percentile(SortedLatencies(outcomes), 50),
            MeanQualityGap = gaps.Count == 0 ? null : gaps.Average(),
            FeasibleRate = solved.Count == 0 ? 0 : (double)solved.Count(static o => o.Feasible) / solved.Count,
        };
    }

    private static double SuccessRate(IReadOnlyCollection<BackendOutcome> outcomes) =>
        (double)outcomes.Count(static o => o.Success) / outcomes.Count;

    private static List<double> SortedLatencies(IEnumerable<BackendOutcome> outcomes) =>
        outcomes.Select(static o => o.Latency.TotalMilliseconds).Order().ToList();
}

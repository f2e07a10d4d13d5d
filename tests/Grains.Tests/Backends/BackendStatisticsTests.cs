using QuantumScheduler.Grains.Backends;

namespace QuantumScheduler.Grains.Tests.Backends;

public sealed class BackendStatisticsTests
{
    private static BackendOutcome Outcome(double latencyMs, int size = 10, bool success = true, bool feasible = true, double? gap = null) => new()
    {
        Success = success,
        Latency = TimeSpan.FromMilliseconds(latencyMs),
        ProblemSize = size,
        Feasible = feasible,
        QualityGap = gap,
    };

    [Fact]
    public void Percentiles_are_nearest_rank_over_every_attempt()
    {
        // 1..100 ms, shuffled: p50 = 50, p95 = 95, p99 = 99 by nearest rank.
        var outcomes = Enumerable.Range(1, 100).Select(ms => Outcome(ms, success: ms % 10 != 0)).OrderBy(o => (o.Latency.TotalMilliseconds * 37) % 101).ToList();

        var stats = BackendStatistics.Compute(outcomes);

        Assert.Equal(100, stats.Attempts);
        Assert.Equal(50, stats.LatencyP50Ms);
        Assert.Equal(95, stats.LatencyP95Ms);
        Assert.Equal(99, stats.LatencyP99Ms);
        Assert.Equal(0.9, stats.SuccessRate, 10);
    }

    [Theory]
    [InlineData(new double[] { 7 }, 50, 7)]
    [InlineData(new double[] { 1, 2 }, 50, 1)]
    [InlineData(new double[] { 1, 2 }, 99, 2)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 75, 3)]
    public void Nearest_rank_percentile(double[] sorted, double percentile, double expected) =>
        Assert.Equal(expected, BackendStatistics.Percentile(sorted, percentile));

    [Theory]
    [InlineData(1, ProblemSizeClass.Small)]
    [InlineData(100, ProblemSizeClass.Small)]
    [InlineData(101, ProblemSizeClass.Medium)]
    [InlineData(1000, ProblemSizeClass.Medium)]
    [InlineData(1001, ProblemSizeClass.Large)]
    public void Size_classes_are_by_task_agent_variables(int variables, string expected) =>
        Assert.Equal(expected, ProblemSizeClass.Of(variables));

    [Fact]
    public void Each_size_class_has_its_own_success_latency_quality_and_feasibility()
    {
        var outcomes = new[]
        {
            Outcome(10, size: 50, gap: 0.0),
            Outcome(30, size: 60, gap: 0.1),
            Outcome(20, size: 70, success: false),
            Outcome(500, size: 500, feasible: false),
            Outcome(700, size: 800, gap: 0.3),
        };

        var stats = BackendStatistics.Compute(outcomes);

        Assert.Equal([ProblemSizeClass.Small, ProblemSizeClass.Medium], stats.BySize.Select(s => s.SizeClass));
        var small = stats.BySize[0];
        Assert.Equal(3, small.Attempts);
        Assert.Equal(2.0 / 3, small.SuccessRate, 10);
        Assert.Equal(20, small.LatencyP50Ms);
        Assert.Equal(0.05, small.MeanQualityGap!.Value, 10);
        Assert.Equal(1.0, small.FeasibleRate);
        var medium = stats.BySize[1];
        Assert.Equal(2, medium.Attempts);
        Assert.Equal(1.0, medium.SuccessRate);
        Assert.Equal(500, medium.LatencyP50Ms);
        Assert.Equal(0.3, medium.MeanQualityGap);
        Assert.Equal(0.5, medium.FeasibleRate);
    }

    [Fact]
    public void No_outcomes_give_empty_statistics()
    {
        var stats = BackendStatistics.Compute([]);
        Assert.Equal(0, stats.Attempts);
        Assert.Null(stats.LatencyP50Ms);
        Assert.Empty(stats.BySize);
    }
}

using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Selection;
using static QuantumScheduler.Grains.Tests.Selection.SelectionFixture;

namespace QuantumScheduler.Grains.Tests.Selection;

public sealed class AdaptivePerformanceSelectorTests
{
    private readonly SelectionFixture _fixture = new();

    [Fact]
    public async Task Without_statistics_it_ranks_as_hybrid_does()
    {
        var request = Request(tasks: 5, agents: 4);

        var (adaptive, _) = await RankAsync(_fixture.Adaptive(), request);
        var (hybrid, _) = await RankAsync(_fixture.Hybrid(), request);

        Assert.Equal(hybrid, adaptive);
    }

    [Fact]
    public async Task Backends_are_ranked_by_their_statistics_in_the_problems_size_class()
    {
        // Small problems: annealing has been best (gap 0, fast), tabu good, MIP keeps failing.
        _fixture.Status.SetStats("annealing", ProblemSizeClass.Small, attempts: 10, p50Ms: 100, gap: 0.0);
        _fixture.Status.SetStats("classical-tabu", ProblemSizeClass.Small, attempts: 10, p50Ms: 10_000, gap: 0.05);
        _fixture.Status.SetStats("classical-mip", ProblemSizeClass.Small, attempts: 10, successRate: 0.1, p50Ms: 10_000, gap: 0.5);

        var (ranked, _) = await RankAsync(_fixture.Adaptive(), Request(tasks: 5, agents: 4));

        // annealing ≈ 0.5 + 0.3 + 0.198; tabu ≈ 0.475 + 0.3 + 0.1; untried (hybrid, qaoa) 0.6; mip ≈ 0.25 + 0.03 + 0.1.
        Assert.Equal(["annealing", "classical-tabu", "hybrid", "qaoa", "classical-mip"], ranked);
    }

    [Fact]
    public async Task Statistics_of_another_size_class_or_too_few_samples_are_not_used()
    {
        _fixture.Status.SetStats("qaoa", ProblemSizeClass.Medium, attempts: 50, p50Ms: 1, gap: 0);
        _fixture.Status.SetStats("annealing", ProblemSizeClass.Small, attempts: 2, p50Ms: 1, gap: 0);

        var (ranked, _) = await RankAsync(_fixture.Adaptive(), Request(tasks: 5, agents: 4));

        Assert.Equal(["classical-mip", "classical-tabu", "hybrid", "annealing", "qaoa"], ranked);
    }

    [Fact]
    public void The_score_weighs_quality_reliability_and_speed()
    {
        var stats = new BackendStats
        {
            BySize = [new SizeClassStats { SizeClass = "small", Attempts = 4, SuccessRate = 0.5, FeasibleRate = 0.5, LatencyP50Ms = 1000, MeanQualityGap = 0.2 }],
        };

        var score = AdaptivePerformanceScore.Of(stats, "small", TimeSpan.FromSeconds(1), minSamples: 3);

        Assert.Equal(0.5 * 0.8 + 0.3 * 0.25 + 0.2 * 0.5, score!.Value, 10);
        Assert.Null(AdaptivePerformanceScore.Of(stats, "small", TimeSpan.FromSeconds(1), minSamples: 5));
    }

    [Fact]
    public async Task Exploration_is_deterministic_for_a_seed_and_promotes_other_backends()
    {
        var request = Request(tasks: 5, agents: 4);
        var first = _fixture.Adaptive(explorationRate: 0.5, seed: 42);
        var second = _fixture.Adaptive(explorationRate: 0.5, seed: 42);

        var firstChoices = new List<string>();
        var secondChoices = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            firstChoices.Add((await RankAsync(first, request)).Ranked[0]);
            secondChoices.Add((await RankAsync(second, request)).Ranked[0]);
        }

        Assert.Equal(firstChoices, secondChoices);
        Assert.Contains("classical-mip", firstChoices);
        Assert.True(firstChoices.Distinct().Count() >= 3, string.Join(", ", firstChoices));
    }

    [Fact]
    public async Task Without_exploration_the_first_choice_never_changes()
    {
        var selector = _fixture.Adaptive(explorationRate: 0);
        for (var i = 0; i < 20; i++)
            Assert.Equal("classical-mip", (await RankAsync(selector, Request(tasks: 5, agents: 4))).Ranked[0]);
    }
}

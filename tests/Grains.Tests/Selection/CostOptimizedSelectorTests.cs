using QuantumScheduler.Grains.Backends;
using static QuantumScheduler.Grains.Tests.Selection.SelectionFixture;

namespace QuantumScheduler.Grains.Tests.Selection;

public sealed class CostOptimizedSelectorTests
{
    private readonly SelectionFixture _fixture = new();

    [Fact]
    public async Task The_cheapest_backend_that_meets_the_quality_target_comes_first()
    {
        // Default prices: a core-second 0.00005, a qubit-second 0.0001; only qaoa is qubit-limited (20 variables → 20 qubits).
        _fixture.Status.SetStats("classical-mip", ProblemSizeClass.Small, attempts: 5, p50Ms: 4000, gap: 0);      // 0.0002
        _fixture.Status.SetStats("classical-tabu", ProblemSizeClass.Small, attempts: 5, p50Ms: 1000, gap: 0.01);  // 0.00005
        _fixture.Status.SetStats("hybrid", ProblemSizeClass.Small, attempts: 5, p50Ms: 200, gap: 0.2);            // over target
        _fixture.Status.SetStats("annealing", ProblemSizeClass.Small, attempts: 5, p50Ms: 500, gap: 0.02);        // 0.000025

        var (ranked, refusals) = await RankAsync(_fixture.CostOptimized(), Request(tasks: 5, agents: 4, qualityTarget: 0.05));

        // qaoa has no statistics: its quality is unknown, so it follows those known to meet the target.
        Assert.Equal(["annealing", "classical-tabu", "classical-mip", "qaoa"], ranked);
        Assert.Equal(["hybrid: expected quality gap 0.2 on small problems exceeds the quality target 0.05"], refusals);
    }

    [Fact]
    public async Task Backends_whose_expected_cost_exceeds_the_remaining_budget_are_refused()
    {
        // Without statistics each backend is expected to run its 10 s limit: 0.0005 a core, plus 0.02 for qaoa's 20 qubits.
        var (ranked, refusals) = await RankAsync(_fixture.CostOptimized(), Request(tasks: 5, agents: 4, remainingBudget: 0.001m));

        Assert.Equal(["classical-mip", "classical-tabu", "hybrid", "annealing"], ranked);
        Assert.Equal(["qaoa: expected cost 0.0205 exceeds the remaining budget 0.001"], refusals);
    }

    [Fact]
    public async Task Without_a_target_or_budget_it_orders_by_cost_alone()
    {
        _fixture.Status.SetStats("hybrid", ProblemSizeClass.Small, attempts: 5, p50Ms: 100, gap: 0.9);

        var (ranked, refusals) = await RankAsync(_fixture.CostOptimized(), Request(tasks: 5, agents: 4));

        Assert.Equal(["hybrid", "classical-mip", "classical-tabu", "annealing", "qaoa"], ranked);
        Assert.Empty(refusals);
    }
}

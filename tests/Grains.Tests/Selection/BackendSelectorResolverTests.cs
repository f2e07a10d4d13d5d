using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Selection;
using static QuantumScheduler.Grains.Tests.Selection.SelectionFixture;

namespace QuantumScheduler.Grains.Tests.Selection;

public sealed class BackendSelectorResolverTests
{
    private readonly SelectionFixture _fixture = new();

    private BackendSelectorResolver Resolver(string defaultStrategy = "hybrid") => new(
        [_fixture.Hybrid(), _fixture.Adaptive(), _fixture.CostOptimized()],
        _fixture.Catalog(), _fixture.Filter(), Options.Create(new SchedulerOptions { BackendStrategy = defaultStrategy }));

    [Theory]
    [InlineData("hybrid")]
    [InlineData("adaptive_performance")]
    [InlineData("COST_OPTIMIZED")]
    public void Strategy_names_resolve_to_their_strategy(string name) =>
        Assert.Equal(name.ToLowerInvariant(), Resolver().Resolve(name).Name);

    [Fact]
    public void No_name_resolves_to_the_configured_strategy() =>
        Assert.Equal("adaptive_performance", Resolver("adaptive_performance").Resolve(null).Name);

    [Fact]
    public void An_unknown_name_is_refused_with_every_valid_name()
    {
        var error = Assert.Throws<UnknownBackendException>(() => Resolver().Resolve("fastest"));

        Assert.Equal(
            "Unknown backend or strategy \"fastest\"; strategies: hybrid, adaptive_performance, cost_optimized; " +
            "backends: classical-mip, classical-tabu, annealing, hybrid, qaoa (prefix a backend with \"backend:\" when a strategy has its name).",
            error.Message);
    }

    [Fact]
    public void A_strategy_wins_over_a_backend_of_its_name_and_the_prefix_names_the_backend()
    {
        Assert.IsType<HybridBackendSelector>(Resolver().Resolve("hybrid"));
        var backend = Assert.IsType<NamedBackendSelector>(Resolver().Resolve("backend:hybrid"));
        Assert.Equal("hybrid", backend.Name);
        Assert.Throws<UnknownBackendException>(() => Resolver().Resolve("backend:adaptive_performance"));
    }

    [Fact]
    public async Task A_backend_name_ranks_that_backend_only()
    {
        var (ranked, refusals) = await RankAsync(Resolver().Resolve("Classical-Tabu"), Request(tasks: 50, agents: 10));

        Assert.Equal(["classical-tabu"], ranked);
        Assert.Empty(refusals);
    }

    [Fact]
    public async Task A_named_backend_that_cannot_run_the_problem_explains_why_and_offers_no_other()
    {
        var (ranked, refusals) = await RankAsync(Resolver().Resolve("qaoa"), Request(tasks: 50, agents: 10));

        Assert.Empty(ranked);
        Assert.Equal(["qaoa: the problem has 500 task-agent variables; max_problem_size is 20"], refusals);
    }
}

using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Grains.Selection;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Grains.Tests.Selection;

/// <summary>A catalog of fake backends named like the real ones (so their families are the real ones), the
/// filter over a <see cref="FakeBackendStatusSource"/>, and problems of a chosen size.</summary>
internal sealed class SelectionFixture
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public FakeBackendStatusSource Status { get; } = new();
    public BackendsOptions Options { get; } = new();
    public List<ISolverBackend> Solvers { get; } =
    [
        new FakeSolverBackend("classical-mip", FakeSolverBackend.General(exact: true)),
        new FakeSolverBackend("classical-tabu"),
        new FakeSolverBackend("annealing"),
        new FakeSolverBackend("hybrid"),
        new FakeSolverBackend("qaoa", FakeSolverBackend.General(maxVariables: 20, maxQubits: 20)),
    ];

    public BackendCatalog Catalog() => new(new BackendRegistry(Solvers), Microsoft.Extensions.Options.Options.Create(Options));

    public BackendCandidateFilter Filter() => new(Status, Time);

    public HybridBackendSelector Hybrid() => new(Catalog(), Filter());

    public AdaptivePerformanceSelector Adaptive(double explorationRate = 0, int? seed = 7) =>
        new(Catalog(), Filter(), Microsoft.Extensions.Options.Options.Create(new SelectionOptions { ExplorationRate = explorationRate, ExplorationSeed = seed, MinSamples = 3 }));

    public CostOptimizedSelector CostOptimized() =>
        new(Catalog(), Filter(), new PricingCostEstimator(new ResourcePricing(Microsoft.Extensions.Options.Options.Create(new PricingOptions()), new BackendRegistry(Solvers), Time)));

    /// <summary>A total-cost problem with <paramref name="tasks"/> tasks on <paramref name="agents"/> agents:
    /// tasks × agents task-agent variables.</summary>
    public static BackendSelectionRequest Request(int tasks, int agents, double? qualityTarget = null, decimal? remainingBudget = null, string objective = "totalCost")
    {
        var agentList = string.Join(",", Enumerable.Range(1, agents).Select(a => $$"""{"id":"a{{a}}","costRate":{{a}}}"""));
        var taskList = string.Join(",", Enumerable.Range(1, tasks).Select(t => $$"""{"id":"t{{t}}"}"""));
        var read = ProblemJsonReader.Read($$"""{"agents":[{{agentList}}],"tasks":[{{taskList}}],"objective":{"kind":"{{objective}}"} }""");
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        var instance = ProblemInstance.Compile(read.Problem!);
        return new BackendSelectionRequest
        {
            Problem = instance,
            ProblemSize = instance.EligibleAgents.Sum(e => e.Length),
            QualityTarget = qualityTarget,
            RemainingBudget = remainingBudget,
            TimeLimit = TimeSpan.FromSeconds(10),
        };
    }

    public static async Task<(IReadOnlyList<string> Ranked, List<string> Refusals)> RankAsync(IBackendSelector selector, BackendSelectionRequest request)
    {
        var refusals = new List<string>();
        var ranked = await selector.RankAsync(request, refusals, CancellationToken.None);
        return (ranked, refusals);
    }
}

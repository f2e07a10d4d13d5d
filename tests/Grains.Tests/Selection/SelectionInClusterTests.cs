using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Balancing;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Selection;
using QuantumScheduler.Runtime.TestingHost;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.Backends.Tabu;
using static QuantumScheduler.Grains.Tests.Selection.SelectionFixture;

namespace QuantumScheduler.Grains.Tests.Selection;

/// <summary>The strategies as a silo wires them (<c>AddBackendCatalog</c>): they read the real Backend and
/// CircuitBreaker grains.</summary>
public sealed class SelectionInClusterTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = new TestClusterBuilder()
            .ConfigureSilo(silo =>
            {
                silo.Services.AddSingleton(new BackendRegistry(
                [
                    new FakeSolverBackend("classical-mip", FakeSolverBackend.General(exact: true)),
                    new ClassicalTabuBackend(),
                    new FakeSolverBackend("annealing"),
                ]));
                silo.Services.AddBackendCatalog();
                silo.Services.Configure<BackendsOptions>(o => o.HealthCheckInterval = TimeSpan.Zero);
                silo.Services.Configure<SelectionOptions>(o => o.ExplorationRate = 0);
            })
            .Build();
        await _cluster.DeployAsync();
    }

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    private BackendSelectorResolver Resolver => _cluster.Primary.Services.GetRequiredService<BackendSelectorResolver>();

    [Fact]
    public async Task An_open_breaker_keeps_its_backend_out_of_the_ranking()
    {
        var breaker = _cluster.Client.GetGrain<ICircuitBreakerGrain>("classical-mip");
        for (var i = 0; i < 5; i++)
            await breaker.RecordFailureAsync("solver crashed");

        var (ranked, refusals) = await RankAsync(Resolver.Resolve("hybrid"), Request(tasks: 5, agents: 4));

        Assert.Equal(["classical-tabu", "annealing"], ranked);
        var refusal = Assert.Single(refusals);
        Assert.StartsWith("classical-mip: circuit breaker open until ", refusal);
        Assert.EndsWith("(last error: solver crashed)", refusal);
    }

    [Fact]
    public async Task Adaptive_performance_learns_from_the_backend_grains_statistics()
    {
        for (var i = 0; i < 3; i++)
        {
            await _cluster.Client.GetGrain<IBackendGrain>("annealing").RecordOutcomeAsync(
                new BackendOutcome { Success = true, Feasible = true, QualityGap = 0, Latency = TimeSpan.FromMilliseconds(50), ProblemSize = 20 });
            await _cluster.Client.GetGrain<IBackendGrain>("classical-mip").RecordOutcomeAsync(
                new BackendOutcome { Success = false, Latency = TimeSpan.FromSeconds(10), ProblemSize = 20, Error = "timeout" });
        }

        var (ranked, _) = await RankAsync(Resolver.Resolve("adaptive_performance"), Request(tasks: 5, agents: 4));

        Assert.Equal(["annealing", "classical-tabu", "classical-mip"], ranked);
    }

    [Fact]
    public void Every_balancer_is_registered_by_name()
    {
        var balancers = _cluster.Primary.Services.GetServices<IWorkerBalancer>().Select(b => b.Name);
        Assert.Equal(WorkerBalancerNames.All, balancers);
        Assert.Equal(BackendStrategyNames.All, _cluster.Primary.Services.GetServices<IBackendSelector>().Select(s => s.Name));
    }
}

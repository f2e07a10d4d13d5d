using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Grains.Tests.Selection;
using QuantumScheduler.Runtime.TestingHost;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Registry;
using QuantumScheduler.Solvers.Backends.Tabu;

namespace QuantumScheduler.Grains.Tests.Backends;

public sealed class BackendGrainTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = new TestClusterBuilder()
            .ConfigureSilo(silo =>
            {
                silo.Services.AddSingleton(new BackendRegistry(
                [
                    new ClassicalTabuBackend(),
                    new FakeSolverBackend("broken", availability: BackendAvailability.Unavailable("the provider is not configured")),
                    new FakeSolverBackend("refusing"),
                ]));
                silo.Services.AddBackendCatalog();
                // Health is checked on demand in these tests, not on the timer.
                silo.Services.Configure<BackendsOptions>(o => { o.HealthCheckInterval = TimeSpan.Zero; o.StatsWindow = 3; });
            })
            .Build();
        await _cluster.DeployAsync();
    }

    public Task DisposeAsync() => _cluster.DisposeAsync().AsTask();

    private IBackendGrain Backend(string name) => _cluster.Client.GetGrain<IBackendGrain>(name);

    [Fact]
    public async Task Info_has_the_settings_and_availability_and_no_health_check_yet()
    {
        var info = await Backend("classical-tabu").GetInfoAsync();

        Assert.Equal(("classical-tabu", "classical", true, 1.0, (int?)1000), (info.Name, info.Family, info.Enabled, info.Weight, info.MaxProblemSize));
        Assert.True(info.Available);
        Assert.True(info.Healthy);
        Assert.Null(info.LastHealthCheck);
        Assert.Equal(0, info.Stats.Attempts);
    }

    [Fact]
    public async Task The_health_check_solves_a_tiny_problem_for_real()
    {
        var info = await Backend("classical-tabu").CheckHealthAsync();

        Assert.True(info.Healthy, info.HealthDetail);
        Assert.NotNull(info.LastHealthCheck);
        Assert.StartsWith("solved the probe problem in", info.HealthDetail);
    }

    [Fact]
    public async Task An_unavailable_backend_is_unhealthy_with_the_reason()
    {
        var info = await Backend("broken").CheckHealthAsync();

        Assert.False(info.Available);
        Assert.Equal("the provider is not configured", info.AvailabilityReason);
        Assert.False(info.Healthy);
        Assert.Equal("unavailable: the provider is not configured", info.HealthDetail);
    }

    [Fact]
    public async Task A_backend_that_throws_on_the_probe_is_unhealthy_with_the_error()
    {
        var info = await Backend("refusing").CheckHealthAsync();

        Assert.False(info.Healthy);
        Assert.Equal("probe solve threw NotSupportedException: A fake backend for selection tests does not solve.", info.HealthDetail);
    }

    [Fact]
    public async Task Outcomes_feed_rolling_statistics_over_the_last_window()
    {
        var backend = Backend("classical-tabu");
        await backend.RecordOutcomeAsync(new BackendOutcome { Success = false, Latency = TimeSpan.FromSeconds(9), ProblemSize = 10, Error = "old" });
        await backend.RecordOutcomeAsync(new BackendOutcome { Success = true, Latency = TimeSpan.FromMilliseconds(100), ProblemSize = 10, Feasible = true, QualityGap = 0.1 });
        await backend.RecordOutcomeAsync(new BackendOutcome { Success = true, Latency = TimeSpan.FromMilliseconds(300), ProblemSize = 20, Feasible = true, QualityGap = 0.3 });
        await backend.RecordOutcomeAsync(new BackendOutcome { Success = false, Latency = TimeSpan.FromMilliseconds(200), ProblemSize = 500, Error = "boom" });

        var stats = (await backend.GetInfoAsync()).Stats;

        Assert.Equal(3, stats.Attempts);
        Assert.Equal(2.0 / 3, stats.SuccessRate, 10);
        Assert.Equal((200.0, 300.0, 300.0), (stats.LatencyP50Ms!.Value, stats.LatencyP95Ms!.Value, stats.LatencyP99Ms!.Value));
        var small = stats.BySize.Single(s => s.SizeClass == ProblemSizeClass.Small);
        Assert.Equal((2, 1.0, 0.2), (small.Attempts, small.SuccessRate, Math.Round(small.MeanQualityGap!.Value, 10)));
        var medium = stats.BySize.Single(s => s.SizeClass == ProblemSizeClass.Medium);
        Assert.Equal((1, 0.0, (double?)null), (medium.Attempts, medium.SuccessRate, medium.MeanQualityGap));
    }

    [Theory]
    [InlineData(false)] // a graceful stop: the grain deactivates and writes what it has
    [InlineData(true)]  // a kill after the write interval: the timer wrote it
    public async Task Recorded_outcomes_are_written_within_a_second_or_at_deactivation_and_survive_a_restart(bool kill)
    {
        using var directory = new Costs.TempDirectory();
        await using var cluster = new TestClusterBuilder()
            .UseSqliteStorage(directory.Path)
            .ConfigureSilo(silo =>
            {
                silo.Services.AddSingleton(new BackendRegistry([new ClassicalTabuBackend()]));
                silo.Services.AddBackendCatalog();
                silo.Services.Configure<BackendsOptions>(o => o.HealthCheckInterval = TimeSpan.Zero);
            })
            .Build();
        await cluster.DeployAsync();
        var backend = cluster.Client.GetGrain<IBackendGrain>("classical-tabu");
        await backend.RecordOutcomeAsync(new BackendOutcome { Success = true, Latency = TimeSpan.FromMilliseconds(10), ProblemSize = 10, Feasible = true });
        await backend.RecordOutcomeAsync(new BackendOutcome { Success = false, Latency = TimeSpan.FromMilliseconds(20), ProblemSize = 10, Error = "boom" });

        if (kill)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await cluster.KillSiloAsync(cluster.Primary);
        }
        else
            await cluster.StopSiloAsync(cluster.Primary);
        await cluster.StartSiloAsync();
        var stats = (await cluster.Client.GetGrain<IBackendGrain>("classical-tabu").GetInfoAsync()).Stats;

        Assert.Equal((2, 0.5), (stats.Attempts, stats.SuccessRate));
    }

    [Fact]
    public async Task An_unknown_backend_is_refused_by_name()
    {
        var error = await Assert.ThrowsAsync<UnknownBackendException>(() => Backend("d-wave").GetInfoAsync());
        Assert.Equal("Unknown backend \"d-wave\"; known backends: classical-tabu, broken, refusing.", error.Message);
    }

    [Fact]
    public async Task Outcomes_for_an_unknown_backend_are_refused()
    {
        var outcome = new BackendOutcome { Success = true, Latency = TimeSpan.FromSeconds(1), ProblemSize = 4 };
        await Assert.ThrowsAsync<UnknownBackendException>(() => Backend("d-wave").RecordOutcomeAsync(outcome));
    }
}

using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Grains.Autoscaling;
using QuantumScheduler.Grains.Autoscaling.Load;
using QuantumScheduler.Grains.Autoscaling.Provisioning;
using QuantumScheduler.Grains.Tests.Costs;
using QuantumScheduler.Runtime.TestingHost;

namespace QuantumScheduler.Grains.Tests.Autoscaling;

public sealed class AutoscalerGrainTests
{
    /// <summary>Serves whatever sample the test sets, stamped with the wall clock (the grain's timer runs on it).</summary>
    private sealed class ScriptedLoad : ILoadSource
    {
        public volatile LoadSample Next = new() { At = DateTimeOffset.UnixEpoch, Silos = 1, CpuUtilization = 0.7 };

        public Task<LoadSample> ReadAsync(string cluster, CancellationToken cancellationToken = default) =>
            Task.FromResult(Next with { At = DateTimeOffset.UtcNow });
    }

    /// <summary>A provisioner (posing as local-process) whose every scaling attempt fails.</summary>
    private sealed class BrokenProvisioner : IClusterProvisioner
    {
        public int Attempts;

        public string Name => LocalProcessProvisioner.ProvisionerName;

        public int? CountSilos(string cluster) => null;

        public Task<ProvisioningResult> ScaleAsync(string cluster, int currentSilos, int targetSilos, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Attempts);
            throw new InvalidOperationException("no capacity left on this machine");
        }
    }

    private static TestCluster Cluster(ScriptedLoad load, Dictionary<string, string?> configuration, string? sqlite = null, IClusterProvisioner? provisioner = null)
    {
        var builder = new TestClusterBuilder();
        if (sqlite is not null)
            builder.UseSqliteStorage(sqlite);
        foreach (var (key, value) in configuration)
            builder.AddConfiguration(key, value);
        return builder.ConfigureSilo(silo =>
        {
            silo.AddAutoscaler();
            silo.Services.AddSingleton<ILoadSource>(load);
            if (provisioner is not null)
                silo.Services.AddSingleton(provisioner);
        }).Build();
    }

    [Fact]
    public async Task An_evaluation_on_demand_is_recorded_with_its_inputs_and_survives_a_restart()
    {
        using var directory = new TempDirectory();
        var load = new ScriptedLoad { Next = new LoadSample { At = default, Silos = 2, CpuUtilization = 0.95, QueueLength = 30 } };
        await using var cluster = Cluster(load, new() { ["QuantumScheduler:Autoscaler:EvaluationInterval"] = "00:00:00" }, directory.Path);
        await cluster.DeployAsync();

        var decision = await cluster.Client.GetGrain<IAutoscalerGrain>("main").EvaluateAsync();
        await cluster.RestartSiloAsync(cluster.Primary);
        var recorded = await cluster.Client.GetGrain<IAutoscalerGrain>("main").GetDecisionsAsync(10);

        Assert.Equal((2, 3, "reactive", false, "recommend-only"), (decision.CurrentSilos, decision.TargetSilos, decision.Source, decision.Applied, decision.Provisioner));
        Assert.Contains("recommend-only changes nothing", decision.Reason);
        Assert.Equal((0.95, 30), (decision.Inputs.CpuUtilization, decision.Inputs.QueueLength));
        Assert.Equal(decision, Assert.Single(recorded));
    }

    [Fact]
    public async Task The_timer_evaluates_every_interval()
    {
        var load = new ScriptedLoad();
        await using var cluster = Cluster(load, new() { ["QuantumScheduler:Autoscaler:EvaluationInterval"] = "00:00:00.050" });
        await cluster.DeployAsync();
        var autoscaler = cluster.Client.GetGrain<IAutoscalerGrain>("timed");

        await autoscaler.GetDecisionsAsync(1); // activates it; from now on its timer evaluates
        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyList<ScalingDecision> decisions;
        do
        {
            await Task.Delay(50);
            decisions = await autoscaler.GetDecisionsAsync(10);
        }
        while (decisions.Count < 3 && DateTime.UtcNow < deadline);

        Assert.True(decisions.Count >= 3, $"{decisions.Count} decisions");
        Assert.All(decisions, static d => Assert.Equal("none", d.Source));
    }

    [Fact]
    public async Task A_failed_provisioning_is_recorded_as_not_applied_and_not_retried_within_the_cooldown()
    {
        var provisioner = new BrokenProvisioner();
        var load = new ScriptedLoad { Next = new LoadSample { At = default, Silos = 1, CpuUtilization = 1.0 } };
        await using var cluster = Cluster(load, new()
        {
            ["QuantumScheduler:Autoscaler:EvaluationInterval"] = "00:00:00",
            ["QuantumScheduler:Autoscaler:Provisioner"] = "local-process",
            ["QuantumScheduler:Autoscaler:LocalProcess:SiloAssemblyPath"] = typeof(AutoscalerGrainTests).Assembly.Location,
        }, provisioner: provisioner);
        await cluster.DeployAsync();
        var autoscaler = cluster.Client.GetGrain<IAutoscalerGrain>("broken");

        var failed = await autoscaler.EvaluateAsync();
        var next = await autoscaler.EvaluateAsync();

        Assert.Equal((2, false), (failed.TargetSilos, failed.Applied));
        Assert.Contains("provisioning failed: no capacity left on this machine", failed.Reason);
        Assert.Equal(1, next.TargetSilos);
        Assert.Contains("held: scale-up cooldown", next.Reason);
        Assert.Equal(1, provisioner.Attempts);
    }

    [Fact]
    public async Task A_bad_autoscaler_configuration_stops_the_silo_start_naming_every_problem()
    {
        await using var cluster = Cluster(new ScriptedLoad(), new()
        {
            ["QuantumScheduler:Autoscaler:MinSilos"] = "0",
            ["QuantumScheduler:Autoscaler:Provisioner"] = "kubernetes",
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(cluster.DeployAsync);

        Assert.Contains("MinSilos", error.Message);
        Assert.Contains("kubernetes", error.Message);
    }
}

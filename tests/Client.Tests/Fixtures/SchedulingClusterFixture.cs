using QuantumScheduler.Grains.Hosting;
using QuantumScheduler.Runtime.TestingHost;

namespace QuantumScheduler.Client.Tests.Fixtures;

/// <summary>One in-process silo with the scheduling grains (as the embedded CLI composes it), shared by a collection.</summary>
public sealed class SchedulingClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder()
        // Health probes would run real solves beside the tests; they are covered by the backend grains' own tests.
        .AddConfiguration("QuantumScheduler:Backends:HealthCheckInterval", "00:00:00")
        .AddConfiguration("QuantumScheduler:Scheduler:RetryPolicy:BaseDelay", "00:00:00.050")
        .ConfigureSilo(static silo => silo.AddSchedulingGrains(silo.Configuration))
        .Build();

    public QuantumSchedulerClient Client { get; private set; } = null!;

    /// <summary>A tenant of its own, so budgets of different tests never meet.</summary>
    public static string NewTenant() => "tenant-" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync()
    {
        await Cluster.DeployAsync();
        Client = new QuantumSchedulerClient(Cluster.Client, new QuantumSchedulerClientOptions { EventPollWait = TimeSpan.FromSeconds(2) });
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SchedulingClusterCollection : ICollectionFixture<SchedulingClusterFixture>
{
    public const string Name = "scheduling cluster";
}

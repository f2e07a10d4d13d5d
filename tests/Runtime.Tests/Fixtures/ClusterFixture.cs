using QuantumScheduler.Runtime.TestingHost;
using Xunit;

namespace QuantumScheduler.Runtime.Tests.Fixtures;

/// <summary>One in-memory single-silo cluster shared by the tests of a class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder().Build();

    public IGrainFactory Grains => Cluster.Client;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public Task DisposeAsync() => Cluster.DisposeAsync().AsTask();
}

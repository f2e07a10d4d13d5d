using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QuantumScheduler.Grains.Costs;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.TestingHost;

namespace QuantumScheduler.Grains.Tests.Costs;

/// <summary>
/// A one-silo cluster with the Cost and Budget grains on a fake clock that starts at 2026-11-11 00:00 UTC (a Wednesday
/// in a 30-day month). Prices and default budget limits come from the configuration given to the constructor.
/// </summary>
public sealed class BillingCluster : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 11, 0, 0, 0, TimeSpan.Zero);

    public BillingCluster(IReadOnlyDictionary<string, string?>? configuration = null, string? sqliteDirectory = null)
    {
        var builder = new TestClusterBuilder();
        if (sqliteDirectory is not null)
            builder.UseSqliteStorage(sqliteDirectory);
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
            builder.AddConfiguration(key, value);
        builder.ConfigureSilo(silo =>
        {
            silo.AddCostTracking();
            silo.Services.AddSingleton<TimeProvider>(Clock);
        });
        Cluster = builder.Build();
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public TestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>A service of the running silo (pricing, billing).</summary>
    public T Service<T>() where T : notnull => Cluster.Primary.Services.GetRequiredService<T>();

    public static async Task<BillingCluster> StartAsync(IReadOnlyDictionary<string, string?>? configuration = null, string? sqliteDirectory = null)
    {
        var cluster = new BillingCluster(configuration, sqliteDirectory);
        await cluster.Cluster.DeployAsync();
        return cluster;
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}

using QuantumScheduler.Cluster.Tests.Harness;
using QuantumScheduler.ClusterTestSilo.Grains;
using QuantumScheduler.Runtime.Client;
using Xunit.Abstractions;

namespace QuantumScheduler.Cluster.Tests.Directory;

/// <summary>The PostgreSQL grain directory deciding between silo processes that race to activate the same grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DirectoryRaceTests(ClusterDatabase database, ITestOutputHelper log) : IClassFixture<ClusterDatabase>, IAsyncLifetime
{
    private const int Grains = 100;
    private const int Calls = 1_000;
    /// <summary>A thousand concurrent first calls would open more connections than the test server allows if every
    /// silo used Npgsql's default pool of 100; three silos of 15 fit.</summary>
    private const string PoolLimit = ";Maximum Pool Size=15";

    private readonly ClusterProcesses _cluster = new(database.ConnectionString + PoolLimit, log);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_thousand_concurrent_first_calls_over_a_hundred_grains_produce_exactly_one_activation_per_grain()
    {
        var silos = await _cluster.StartSilosAsync(3);
        // The test process is the client process: one external client per silo, so the calls enter the cluster through
        // every silo's gateway and each silo routes (and places) first calls of the same grains at the same time.
        var clients = new List<TestClusterClient>();
        try
        {
            foreach (var silo in silos)
                clients.Add(await TestClusterClient.StartAsync(log, builder => builder.UseStaticGateways(silo.Ready.Gateway!)));
            await RaceAsync(silos, clients);
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
        }
    }

    private async Task RaceAsync(IReadOnlyList<ProcessSilo> silos, IReadOnlyList<TestClusterClient> clients)
    {
        var prefix = $"race-{Guid.NewGuid():N}-";

        // Every call is a first call of its grain: each finds no directory entry, so the silos' activations race.
        var answers = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i => Task.Run(() =>
            clients[i % clients.Count].Client.GetGrain<IActivationRecorderGrain>($"{prefix}{i % Grains}").Ping())));

        var activations = await database.ActivationsAsync(prefix);
        Assert.Equal(Grains, activations.Count);
        Assert.All(activations.CountBy(static row => row.GrainKey), static grain => Assert.Equal(1, grain.Value));
        Assert.Equal(Grains, await database.ScalarAsync<long>(
            "SELECT count(*) FROM grain_directory WHERE cluster_id = @cluster AND grain_id LIKE @pattern;",
            ("cluster", _cluster.ClusterId), ("pattern", $"cluster-test-activation-recorder/{prefix}%")));
        // Each call ran in the activation its grain recorded, whichever gateway it came through.
        var siloOf = activations.ToDictionary(static row => row.GrainKey, static row => row.Silo);
        for (var i = 0; i < Calls; i++)
            Assert.Equal(siloOf[$"{prefix}{i % Grains}"], answers[i]);
        Assert.All(activations, row => Assert.Contains(row.Silo, silos.Select(static silo => silo.Name)));
        log.WriteLine($"activations per silo: {string.Join(", ", activations.CountBy(static row => row.Silo).Select(static pair => $"{pair.Key} {pair.Value}"))}");
    }
}

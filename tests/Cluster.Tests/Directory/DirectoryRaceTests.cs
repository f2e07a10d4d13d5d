using QuantumScheduler.Cluster.Tests.Harness;
using QuantumScheduler.ClusterTestSilo.Grains;
using QuantumScheduler.Runtime.Membership;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace QuantumScheduler.Cluster.Tests.Directory;

/// <summary>The PostgreSQL grain directory deciding between silo processes that race to activate the same grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DirectoryRaceTests(ClusterDatabase database, ITestOutputHelper log) : IClassFixture<ClusterDatabase>, IAsyncLifetime
{
    private const int Grains = 100;
    private const int Calls = 1_000;
    /// <summary>A thousand concurrent first calls would open more connections than the test server allows if every
    /// silo used Npgsql's default pool of 100; four silos of 15 fit.</summary>
    private const string PoolLimit = ";Maximum Pool Size=15";

    private readonly string _connectionString = database.ConnectionString + PoolLimit;
    private readonly ClusterProcesses _cluster = new(database.ConnectionString + PoolLimit, log);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_thousand_concurrent_first_calls_over_a_hundred_grains_produce_exactly_one_activation_per_grain()
    {
        var silos = await _cluster.StartSilosAsync(3);
        await using var caller = await CallerSilo.StartAsync(_connectionString, _cluster.ClusterId);
        await WaitForMembersAsync(caller, 4);
        var prefix = $"race-{Guid.NewGuid():N}-";

        // Every call is a first call of its grain: each finds no directory entry, so the four silos' activations race.
        var answers = await Task.WhenAll(Enumerable.Range(0, Calls).Select(i => Task.Run(() =>
            caller.Client.GetGrain<IActivationRecorderGrain>($"{prefix}{i % Grains}").Ping())));

        var activations = await database.ActivationsAsync(prefix);
        Assert.Equal(Grains, activations.Count);
        Assert.All(activations.CountBy(static row => row.GrainKey), static grain => Assert.Equal(1, grain.Value));
        Assert.Equal(Grains, await database.ScalarAsync<long>(
            "SELECT count(*) FROM grain_directory WHERE cluster_id = @cluster AND grain_id LIKE @pattern;",
            ("cluster", _cluster.ClusterId), ("pattern", $"cluster-test-activation-recorder/{prefix}%")));
        // Each call ran in the activation its grain recorded, and the grains live in the silo processes too.
        var siloOf = activations.ToDictionary(static row => row.GrainKey, static row => row.Silo);
        for (var i = 0; i < Calls; i++)
            Assert.Equal(siloOf[$"{prefix}{i % Grains}"], answers[i]);
        Assert.Contains(activations, row => silos.Any(silo => silo.Name == row.Silo));
        log.WriteLine($"activations per silo: {string.Join(", ", activations.CountBy(static row => row.Silo).Select(static pair => $"{pair.Key} {pair.Value}"))}");
    }

    private static async Task WaitForMembersAsync(CallerSilo caller, int count)
    {
        var view = caller.Services.GetRequiredService<IClusterMembershipView>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (view.Current.ActiveSilos.Count < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The caller silo saw {view.Current.ActiveSilos.Count} active silos, not {count}, within 60 s.");
            await Task.Delay(100);
        }
    }
}

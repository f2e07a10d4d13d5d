using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;
using QuantumScheduler.Runtime.Storage.PostgreSql;

namespace QuantumScheduler.Runtime.PostgreSql.Tests.GrainDirectory;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlGrainDirectoryTests(PostgreSqlServer server) : IAsyncLifetime
{
    private static readonly SiloAddress SiloA = new("10.0.0.1", 11111, 100);
    private static readonly SiloAddress SiloB = new("10.0.0.2", 11111, 100);
    private readonly string _schema = PostgreSqlServer.NewSchema();
    private PostgreSqlGrainDirectory _directory = null!;

    public Task InitializeAsync()
    {
        _directory = Open();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _directory.DisposeAsync();

    [Fact]
    public async Task The_first_registration_wins_and_a_later_one_gets_the_winner()
    {
        var first = Address("g1", SiloA);
        var second = Address("g1", SiloB);

        Assert.Equal(first, await _directory.RegisterAsync(first));
        Assert.Equal(first, await _directory.RegisterAsync(second));
        Assert.Equal(first, await _directory.LookupAsync(first.GrainId));
    }

    [Fact]
    public async Task Lookup_of_an_unregistered_grain_is_null()
    {
        Assert.Null(await _directory.LookupAsync(new GrainId("job", "none")));
    }

    [Fact]
    public async Task Concurrent_registrations_from_several_silos_all_learn_one_winner()
    {
        var silos = Enumerable.Range(0, 4).Select(_ => Open()).ToArray();
        try
        {
            for (var round = 0; round < 20; round++)
            {
                var grain = $"contended-{round}";
                var candidates = silos.Select((_, i) => Address(grain, new SiloAddress($"10.0.1.{i}", 11111, 1))).ToArray();
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var attempts = silos.Select((silo, i) => Task.Run(async () =>
                {
                    await start.Task;
                    return await silo.RegisterAsync(candidates[i]);
                })).ToArray();
                start.SetResult();
                var winners = await Task.WhenAll(attempts);

                var winner = Assert.Single(winners.Distinct());
                Assert.Contains(winner, candidates);
                Assert.Equal(winner, await _directory.LookupAsync(winner.GrainId));
            }
        }
        finally
        {
            foreach (var silo in silos)
                await silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task Unregister_removes_only_the_registered_activation()
    {
        var registered = Address("g1", SiloA);
        await _directory.RegisterAsync(registered);

        Assert.False(await _directory.UnregisterAsync(registered with { ActivationId = Guid.NewGuid() }));
        Assert.Equal(registered, await _directory.LookupAsync(registered.GrainId));
        Assert.True(await _directory.UnregisterAsync(registered));
        Assert.Null(await _directory.LookupAsync(registered.GrainId));
        Assert.False(await _directory.UnregisterAsync(registered));

        var next = Address("g1", SiloB);
        Assert.Equal(next, await _directory.RegisterAsync(next));
    }

    [Fact]
    public async Task Unregister_silos_removes_exactly_their_entries()
    {
        var restartedA = SiloA with { Generation = SiloA.Generation + 1 };
        var onA = Address("a", SiloA);
        var onB = Address("b", SiloB);
        var onRestartedA = Address("c", restartedA);
        foreach (var address in new[] { onA, onB, onRestartedA })
            await _directory.RegisterAsync(address);

        await _directory.UnregisterSilosAsync([SiloA, new SiloAddress("10.9.9.9", 1, 1)]);

        Assert.Null(await _directory.LookupAsync(onA.GrainId));
        Assert.Equal(onB, await _directory.LookupAsync(onB.GrainId));
        Assert.Equal(onRestartedA, await _directory.LookupAsync(onRestartedA.GrainId));
    }

    [Fact]
    public async Task Entries_survive_a_new_directory_instance_and_clusters_are_separate()
    {
        var address = Address("durable", SiloA);
        await _directory.RegisterAsync(address);
        await _directory.DisposeAsync();

        _directory = Open();
        await using var otherCluster = Open("other");

        Assert.Equal(address, await _directory.LookupAsync(address.GrainId));
        Assert.Null(await otherCluster.LookupAsync(address.GrainId));
    }

    private static GrainAddress Address(string key, SiloAddress silo) => new(new GrainId("job", key), Guid.NewGuid(), silo);

    private PostgreSqlGrainDirectory Open(string clusterId = PostgreSqlClusterOptions.DefaultClusterId) =>
        new(new PostgreSqlGrainDirectoryOptions { ConnectionString = server.SharedConnectionString, Schema = _schema, ClusterId = clusterId });
}

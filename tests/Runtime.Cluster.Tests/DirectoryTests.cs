using QuantumScheduler.Runtime.Cluster.Tests.Fixtures;
using QuantumScheduler.Runtime.Cluster.Tests.Grains;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Invocation;
using Xunit;

namespace QuantumScheduler.Runtime.Cluster.Tests;

public sealed class DirectoryTests
{
    [Fact]
    public async Task Concurrent_first_calls_from_every_silo_produce_exactly_one_activation_per_grain()
    {
        await using var cluster = await InProcessCluster.StartAsync(3);
        var keys = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid().ToString()).ToArray();

        var calls = Enumerable.Range(0, 1_000).Select(i => Task.Run(() =>
            cluster.Silos[i % 3].Client.Get<RandomGrain>(keys[i % keys.Length]).GetSilo()));
        var answers = await Task.WhenAll(calls);

        Assert.All(keys, key => Assert.Equal(1, LocatedGrainBase.ActivationsOf<RandomGrain>(key)));
        var entries = await Task.WhenAll(keys.Select(key => cluster.Directory.LookupAsync(GrainIdOf<RandomGrain>(cluster, key)).AsTask()));
        Assert.All(entries, entry => Assert.NotNull(entry));
        // Every call of a grain ran on the silo its directory entry names.
        for (var i = 0; i < answers.Length; i++)
        {
            var entry = entries[i % keys.Length]!;
            Assert.Equal(cluster.Silos.Single(silo => silo.Address == entry.Silo).Name, answers[i]);
        }
        Assert.True(answers.Distinct().Count() > 1, "random placement used more than one silo");
    }

    [Fact]
    public async Task A_call_reaching_a_silo_that_no_longer_hosts_the_grain_is_forwarded_and_corrects_the_callers_cache()
    {
        await using var cluster = await InProcessCluster.StartAsync(3);
        var (a, b, c) = (cluster.Silos[0], cluster.Silos[1], cluster.Silos[2]);
        var key = Guid.NewGuid().ToString();
        var grainId = GrainIdOf<LocalGrain>(cluster, key);
        Assert.Equal(b.Name, await b.Client.Get<LocalGrain>(key).GetSilo());
        Assert.Equal(b.Name, await a.Client.Get<LocalGrain>(key).GetSilo());
        Assert.True(a.Get<DirectoryCache>().TryGet(grainId, out var cached) && cached == b.Address);

        // The grain leaves silo B and comes back on silo C; silo A's cache still says B.
        await b.Client.Get<LocalGrain>(key).Deactivate();
        await Eventually.TrueAsync(() => cluster.Directory.LookupAsync(grainId).AsTask().Result is null, "the grain is unregistered");
        Assert.Equal(c.Name, await c.Client.Get<LocalGrain>(key).GetSilo());

        Assert.Equal(c.Name, await a.Client.Get<LocalGrain>(key).GetSilo());

        // B's stand-in activation lost the registration and forwarded the call without constructing the grain.
        Assert.Equal(2, LocatedGrainBase.ActivationsOf<LocalGrain>(key));
        Assert.True(a.Get<DirectoryCache>().TryGet(grainId, out cached) && cached == c.Address);
        Assert.Equal(c.Name, await a.Client.Get<LocalGrain>(key).GetSilo());
    }

    [Fact]
    public async Task An_entry_on_a_silo_that_restarted_is_replaced_and_the_grain_reactivates_on_its_next_call()
    {
        await using var cluster = await InProcessCluster.StartAsync(2);
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        var key = Guid.NewGuid().ToString();
        var grainId = GrainIdOf<LocalGrain>(cluster, key);
        Assert.Equal(b.Name, await b.Client.Get<LocalGrain>(key).GetSilo());
        Assert.Equal(b.Name, await a.Client.Get<LocalGrain>(key).GetSilo());
        var port = b.Address.Port;
        var killed = b.Address;

        // A crash leaves the entry behind; the process comes back on the same endpoint as a new generation.
        await cluster.KillSiloAsync(b);
        Assert.Equal(killed, (await cluster.Directory.LookupAsync(grainId))!.Silo);
        var restarted = await cluster.StartSiloAsync(port);
        Assert.NotEqual(killed.Generation, restarted.Address.Generation);
        await Eventually.TrueAsync(() => a.Membership.Current.IsDead(killed) && !a.Get<DirectoryCache>().TryGet(grainId, out _),
            "silo A sees the old generation as dead and dropped its cache entry");

        Assert.Equal(a.Name, await a.Client.Get<LocalGrain>(key).GetSilo());
        Assert.Equal(2, LocatedGrainBase.ActivationsOf<LocalGrain>(key));
        Assert.Equal(a.Address, (await cluster.Directory.LookupAsync(grainId))!.Silo);
    }

    private static GrainId GrainIdOf<TGrain>(InProcessCluster cluster, string key) where TGrain : LocatedGrainBase =>
        ((GrainReference)cluster.Silos[0].Client.Get<TGrain>(key)).GrainId;
}

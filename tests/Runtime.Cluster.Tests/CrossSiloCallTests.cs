using QuantumScheduler.Runtime.Cluster.Tests.Fixtures;
using QuantumScheduler.Runtime.Cluster.Tests.Grains;
using Xunit;

namespace QuantumScheduler.Runtime.Cluster.Tests;

public sealed class CrossSiloCallTests : IAsyncLifetime
{
    private InProcessCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InProcessCluster.StartAsync(2);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_call_from_another_silo_runs_on_the_silo_that_hosts_the_grain()
    {
        var (first, second) = (_cluster.Silos[0], _cluster.Silos[1]);
        var key = Guid.NewGuid().ToString();
        Assert.Equal(second.Name, await second.Client.Get<LocalGrain>(key).GetSilo());

        Assert.Equal($"hello from {second.Name}", await first.Client.Get<LocalGrain>(key).Echo("hello"));
        Assert.Equal(1, LocatedGrainBase.ActivationsOf<LocalGrain>(key));
    }

    [Fact]
    public async Task A_grain_that_blocks_its_thread_does_not_hold_up_other_calls_arriving_on_the_same_connection()
    {
        var (first, second) = (_cluster.Silos[0], _cluster.Silos[1]);
        var (blockingKey, otherKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        Assert.Equal(second.Name, await second.Client.Get<BlockingGrain>(blockingKey).GetSilo());
        Assert.Equal(second.Name, await second.Client.Get<LocalGrain>(otherKey).GetSilo());

        var blocking = first.Client.Get<BlockingGrain>(blockingKey).Echo("slow");
        await Eventually.TrueAsync(() => BlockingGrain.Started.ContainsKey(blockingKey), "the blocking call runs on the second silo");
        var answer = await first.Client.Get<LocalGrain>(otherKey).Echo("quick");

        Assert.Equal($"quick from {second.Name}", answer);
        Assert.False(blocking.IsCompleted, "the quick call was answered while the blocking one still held its thread");
        BlockingGrain.Release.GetOrAdd(blockingKey, static _ => new ManualResetEventSlim()).Set();
        Assert.Equal("slow", await blocking);
    }

    [Fact]
    public async Task An_exception_thrown_in_another_silo_reaches_the_caller_with_its_type_and_message()
    {
        var key = Guid.NewGuid().ToString();
        await _cluster.Silos[1].Client.Get<LocalGrain>(key).GetSilo();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _cluster.Silos[0].Client.Get<LocalGrain>(key).Fail("bad input"));
        Assert.StartsWith("bad input", exception.Message);
    }

    [Fact]
    public async Task Request_context_travels_with_a_cross_silo_call()
    {
        var key = Guid.NewGuid().ToString();
        await _cluster.Silos[1].Client.Get<LocalGrain>(key).GetSilo();

        RequestContext.Set("tenant", "acme");
        try
        {
            Assert.Equal("acme", await _cluster.Silos[0].Client.Get<LocalGrain>(key).GetRequestContext("tenant"));
        }
        finally
        {
            RequestContext.Clear();
        }
    }

    [Fact]
    public async Task A_grain_reference_passed_to_another_silo_calls_back_into_the_grain_where_it_lives()
    {
        var (first, second) = (_cluster.Silos[0], _cluster.Silos[1]);
        var onFirst = first.Client.Get<LocalGrain>(Guid.NewGuid().ToString());
        var onSecond = second.Client.Get<LocalGrain>(Guid.NewGuid().ToString());
        Assert.Equal(first.Name, await onFirst.GetSilo());
        Assert.Equal(second.Name, await onSecond.GetSilo());

        Assert.Equal(first.Name, await onSecond.CallOther(onFirst));
    }

    [Fact]
    public async Task Many_concurrent_calls_between_two_silos_all_complete()
    {
        var (first, second) = (_cluster.Silos[0], _cluster.Silos[1]);
        var grains = Enumerable.Range(0, 20).Select(i => $"{Guid.NewGuid()}").ToArray();
        foreach (var key in grains)
            await second.Client.Get<LocalGrain>(key).GetSilo();

        var calls = Enumerable.Range(0, 5_000).Select(i => first.Client.Get<LocalGrain>(grains[i % grains.Length]).Echo(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var results = await Task.WhenAll(calls);

        Assert.Equal(5_000, results.Length);
        Assert.All(results, result => Assert.EndsWith($"from {second.Name}", result));
    }
}

using QuantumScheduler.Runtime.Tests.Fixtures;
using QuantumScheduler.Runtime.Tests.Grains;
using Xunit;

namespace QuantumScheduler.Runtime.Tests;

public sealed class TurnTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private ITurnProbeGrain NonReentrant(string key) => fixture.Grains.GetGrain<ITurnProbeGrain>(key, typeof(NonReentrantProbeGrain).FullName);

    private ITurnProbeGrain Reentrant(string key) => fixture.Grains.GetGrain<ITurnProbeGrain>(key, typeof(ReentrantProbeGrain).FullName);

    [Fact]
    public async Task A_non_reentrant_grain_runs_one_request_at_a_time_across_awaits()
    {
        var grain = NonReentrant(Guid.NewGuid().ToString());

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => grain.Work(awaits: 3))));

        var stats = await grain.GetStats();
        Assert.Equal(100, stats.Calls);
        Assert.Equal(1, stats.MaxInFlight);
        Assert.Equal(1, stats.MaxThreadsInside);
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_at_awaits_but_never_runs_on_two_threads()
    {
        var grain = Reentrant(Guid.NewGuid().ToString());

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => grain.Work(awaits: 3))));

        var stats = await grain.GetStats();
        Assert.True(stats.MaxInFlight > 1, $"expected interleaving, max in flight was {stats.MaxInFlight}");
        Assert.Equal(1, stats.MaxThreadsInside);
    }

    [Fact]
    public async Task Read_only_calls_interleave_with_each_other()
    {
        var grain = NonReentrant(Guid.NewGuid().ToString());

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => grain.Read(awaits: 3))));

        var stats = await grain.GetStats();
        Assert.True(stats.MaxInFlight > 1, $"expected read-only calls to interleave, max in flight was {stats.MaxInFlight}");
        Assert.Equal(1, stats.MaxThreadsInside);
    }

    [Fact]
    public async Task Read_only_calls_do_not_interleave_with_writes()
    {
        var grain = NonReentrant(Guid.NewGuid().ToString());

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => i % 2 == 0 ? grain.Work(awaits: 2) : grain.Read(awaits: 2))));

        var stats = await grain.GetStats();
        Assert.Equal(1, stats.MaxThreadsInside);
        Assert.Equal(60, stats.Calls);
    }

    [Fact]
    public async Task Always_interleave_methods_interleave_with_anything()
    {
        var grain = NonReentrant(Guid.NewGuid().ToString());

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => i % 2 == 0 ? grain.Work(awaits: 3) : grain.Interleaved(awaits: 3))));

        var stats = await grain.GetStats();
        Assert.True(stats.MaxInFlight > 1, $"expected interleaving, max in flight was {stats.MaxInFlight}");
        Assert.Equal(1, stats.MaxThreadsInside);
    }

    [Fact]
    public async Task A_running_always_interleave_call_does_not_hold_the_turn()
    {
        // As in Orleans: a long poll waiting inside an [AlwaysInterleave] method must not keep the call that ends it
        // waiting, or the poll and the call would wait on each other until the poll's own timeout.
        var grain = fixture.Grains.GetGrain<ILongPollGrain>(Guid.NewGuid().ToString());
        var poll = grain.WaitForSignal(TimeSpan.FromSeconds(20));

        await grain.Signal().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(await poll, "the long poll timed out: the signal waited for it to end");
    }
}

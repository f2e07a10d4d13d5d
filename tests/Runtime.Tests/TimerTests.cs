using QuantumScheduler.Runtime.Tests.Fixtures;
using QuantumScheduler.Runtime.Tests.Grains;
using Xunit;

namespace QuantumScheduler.Runtime.Tests;

public sealed class TimerTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private ITimerGrain NewGrain() => fixture.Grains.GetGrain<ITimerGrain>(Guid.NewGuid().ToString());

    [Fact]
    public async Task Ticks_never_overlap_and_the_period_runs_from_the_end_of_the_previous_tick()
    {
        var grain = NewGrain();

        // Each callback takes longer than the period: overlapping or start-to-start scheduling would show.
        await grain.StartTimer(TimeSpan.FromMilliseconds(30), interleave: false, callbackMilliseconds: 60, keepAlive: false);
        var stats = await Eventually.Get(() => grain.GetStats(), static s => s.Ticks >= 4);

        Assert.Equal(1, stats.MaxConcurrentTicks);
        Assert.True(stats.ShortestGapMilliseconds >= 20, $"ticks must be spaced by the period after the callback ends (shortest gap {stats.ShortestGapMilliseconds} ms)");
    }

    [Fact]
    public async Task A_non_interleaving_timer_waits_for_the_running_turn()
    {
        var grain = NewGrain();
        await grain.StartTimer(TimeSpan.FromMilliseconds(10), interleave: false, callbackMilliseconds: 0, keepAlive: false);
        await Eventually.Get(() => grain.GetStats(), static s => s.Ticks >= 1);

        await grain.Busy(300);

        Assert.Equal(0, (await grain.GetStats()).TicksDuringBusyCall);
    }

    [Fact]
    public async Task An_interleaving_timer_ticks_during_a_turn_that_awaits()
    {
        var grain = NewGrain();
        await grain.StartTimer(TimeSpan.FromMilliseconds(10), interleave: true, callbackMilliseconds: 0, keepAlive: false);

        await grain.Busy(300);

        Assert.True((await grain.GetStats()).TicksDuringBusyCall > 0);
    }

    [Fact]
    public async Task A_disposed_timer_stops_ticking()
    {
        var grain = NewGrain();
        await grain.StartTimer(TimeSpan.FromMilliseconds(10), interleave: false, callbackMilliseconds: 0, keepAlive: false);
        await Eventually.Get(() => grain.GetStats(), static s => s.Ticks >= 2);

        await grain.StopTimer();
        var ticksAfterDispose = (await grain.GetStats()).Ticks;
        await Task.Delay(150);

        Assert.Equal(ticksAfterDispose, (await grain.GetStats()).Ticks);
    }

    [Fact]
    public async Task Deactivation_stops_the_timer_and_cancels_a_running_callback()
    {
        var key = Guid.NewGuid().ToString();
        var grain = fixture.Grains.GetGrain<ITimerGrain>(key);
        var firstActivation = await grain.GetActivationId();
        await grain.StartTimer(TimeSpan.FromMilliseconds(10), interleave: false, callbackMilliseconds: 60_000, keepAlive: false);
        await Eventually.Get(() => grain.GetStats(), static s => s.Ticks >= 1);

        await grain.Deactivate();

        await Eventually.True(() => TimerGrain.CancelledCallbacks.ContainsKey(key));
        Assert.NotEqual(firstActivation, await grain.GetActivationId());
    }
}

using QuantumScheduler.Runtime.Tests.Fixtures;
using QuantumScheduler.Runtime.Tests.Grains;
using QuantumScheduler.Tests.Shared.Grains;
using Xunit;

namespace QuantumScheduler.Runtime.Tests;

public sealed class MessagingTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Arguments_of_a_local_call_are_copies()
    {
        var grain = fixture.Grains.GetGrain<IArgumentGrain>(Guid.NewGuid().ToString());
        var values = new List<int> { 1, 2, 3 };

        await grain.Store(values);
        values.Add(4);

        Assert.Equal([1, 2, 3], await grain.GetStored());
    }

    [Fact]
    public async Task Results_of_a_local_call_are_copies()
    {
        var grain = fixture.Grains.GetGrain<IArgumentGrain>(Guid.NewGuid().ToString());
        await grain.Store([5]);

        var first = await grain.GetStored();
        first.Add(6);

        Assert.Equal([5], await grain.GetStored());
    }

    [Fact]
    public async Task A_method_response_timeout_fails_the_call_with_TimeoutException()
    {
        var grain = fixture.Grains.GetGrain<ISlowGrain>(Guid.NewGuid().ToString());

        // The grain would answer successfully after a second; the call fails at its 300 ms timeout first.
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => grain.SleepWithShortTimeout(1_000));

        Assert.Contains("SleepWithShortTimeout", timeout.Message);
        // The late response is dropped and the grain keeps serving.
        Assert.Equal(1, await grain.Ping());
    }

    [Fact]
    public async Task The_configured_response_timeout_applies_to_every_call()
    {
        await using var cluster = new TestingHost.TestClusterBuilder()
            .AddConfiguration("QuantumScheduler:Messaging:ResponseTimeout", "00:00:00.200")
            .Build();
        await cluster.DeployAsync();
        var grain = cluster.Client.GetGrain<ISlowGrain>("configured");

        // The grain sleeps far longer than the timeout, so a timer that fires late on a loaded machine still fires first.
        await Assert.ThrowsAsync<TimeoutException>(() => grain.Sleep(3000));
    }

    [Fact]
    public async Task A_one_way_call_returns_before_the_grain_has_run_it()
    {
        var grain = fixture.Grains.GetGrain<IOneWayGrain>(Guid.NewGuid().ToString());

        var notify = grain.Notify(9);

        Assert.True(notify.IsCompletedSuccessfully);
        Assert.Equal(9, await grain.GetLast());
    }

    [Fact]
    public async Task A_call_cancelled_before_it_is_sent_is_not_sent()
    {
        var grain = fixture.Grains.GetGrain<ICancellationGrain>(Guid.NewGuid().ToString());
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grain.CountedCall(cancellation.Token));

        Assert.Equal(0, await grain.GetCount());
    }

    [Fact]
    public async Task A_call_cancelled_while_queued_is_dropped()
    {
        var grain = fixture.Grains.GetGrain<ICancellationGrain>(Guid.NewGuid().ToString());
        var blocker = grain.Block();
        await Eventually.Get(() => grain.IsBlocked(), static blocked => blocked);
        using var cancellation = new CancellationTokenSource();

        var queued = grain.CountedCall(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        await grain.Release();
        await blocker;
        Assert.Equal(0, await grain.GetCount());
    }

    [Fact]
    public async Task A_call_cancelled_while_running_cancels_the_callee_token()
    {
        var grain = fixture.Grains.GetGrain<ICancellationGrain>(Guid.NewGuid().ToString());
        using var cancellation = new CancellationTokenSource();

        var waiting = grain.WaitForCancellation(cancellation.Token);
        await Eventually.Get(() => grain.IsWaiting(), static started => started);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Request_context_flows_downstream_only()
    {
        var key = Guid.NewGuid().ToString();
        var first = fixture.Grains.GetGrain<IContextGrain>(key + "-1");
        RequestContext.Set("tenant", "acme");
        try
        {
            Assert.Equal("acme|acme", await first.ReadAndForward("tenant", key + "-2"));

            await first.SetValue("reply", "from the callee");
            Assert.Null(RequestContext.Get("reply"));
        }
        finally
        {
            RequestContext.Remove("tenant");
        }

        Assert.Equal("(none)", await first.ReadAndForward("tenant", null));
    }
}

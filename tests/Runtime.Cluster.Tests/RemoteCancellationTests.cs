using QuantumScheduler.Runtime.Cluster.Tests.Fixtures;
using QuantumScheduler.Tests.Shared.Grains;
using Xunit;

namespace QuantumScheduler.Runtime.Cluster.Tests;

/// <summary>A caller's cancellation reaches the silo that runs the call, with the local call's meaning.</summary>
public sealed class RemoteCancellationTests : IAsyncLifetime
{
    private InProcessCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await InProcessCluster.StartAsync(2);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_call_cancelled_while_it_runs_on_another_silo_has_its_callee_token_cancelled()
    {
        var (first, second) = (_cluster.Silos[0], _cluster.Silos[1]);
        var key = Guid.NewGuid().ToString();
        await second.Client.GetGrain<ICancellationGrain>(key).GetCount();
        var grain = first.Client.GetGrain<ICancellationGrain>(key);
        using var cancellation = new CancellationTokenSource();

        var waiting = grain.WaitForCancellation(cancellation.Token);
        await UntilAsync(grain.IsWaiting); // the call runs on the second silo
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.True(CancellationGrain.Cancelled.ContainsKey(key), "the grain on the second silo saw its token cancelled");
    }

    [Fact]
    public async Task A_call_cancelled_while_queued_on_another_silo_is_dropped_there()
    {
        var (first, second) = (_cluster.Silos[0], _cluster.Silos[1]);
        var key = Guid.NewGuid().ToString();
        await second.Client.GetGrain<ICancellationGrain>(key).GetCount();
        var grain = first.Client.GetGrain<ICancellationGrain>(key);
        var blocker = grain.Block();
        await UntilAsync(grain.IsBlocked); // the grain's turn is held
        using var cancellation = new CancellationTokenSource();

        var queued = grain.CountedCall(cancellation.Token);
        await Task.Delay(100); // let the request reach the second silo's queue
        await cancellation.CancelAsync();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(TimeSpan.FromSeconds(20)));
        await grain.Release();
        await blocker;
        Assert.Equal(0, await grain.GetCount());
        Assert.Contains("did not run", cancelled.Message);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!await condition())
            await Task.Delay(10, timeout.Token);
    }
}

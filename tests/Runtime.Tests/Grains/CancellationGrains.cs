namespace QuantumScheduler.Runtime.Tests.Grains;

public interface ICancellationGrain : IGrainWithStringKey
{
    /// <summary>Waits until its token is cancelled.</summary>
    Task WaitForCancellation(CancellationToken cancellationToken);

    [AlwaysInterleave]
    Task<bool> IsWaiting();

    /// <summary>Holds the grain's turn until <see cref="Release"/>.</summary>
    Task Block();

    [AlwaysInterleave]
    Task<bool> IsBlocked();

    [AlwaysInterleave]
    Task Release();

    Task<int> CountedCall(CancellationToken cancellationToken);

    [AlwaysInterleave]
    Task<int> GetCount();
}

public sealed class CancellationGrain : Grain, ICancellationGrain
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _waiting;
    private bool _blocked;
    private int _count;

    public async Task WaitForCancellation(CancellationToken cancellationToken)
    {
        _waiting = true;
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
    }

    public Task<bool> IsWaiting() => Task.FromResult(_waiting);

    public async Task Block()
    {
        _blocked = true;
        await _gate.Task;
    }

    public Task<bool> IsBlocked() => Task.FromResult(_blocked);

    public Task Release()
    {
        _gate.TrySetResult();
        return Task.CompletedTask;
    }

    public Task<int> CountedCall(CancellationToken cancellationToken) => Task.FromResult(++_count);

    public Task<int> GetCount() => Task.FromResult(_count);
}

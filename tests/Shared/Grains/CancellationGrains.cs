using System.Collections.Concurrent;
using QuantumScheduler.Runtime;

namespace QuantumScheduler.Tests.Shared.Grains;

/// <summary>A grain for cancellation tests, in one silo (Runtime.Tests) and across silos (Runtime.Cluster.Tests).</summary>
public interface ICancellationGrain : IGrainWithStringKey
{
    /// <summary>Waits until its token is cancelled, and remembers that it was.</summary>
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

/// <summary>Placed where it is first called, so a cluster test chooses its silo.</summary>
[PreferLocalPlacement]
public sealed class CancellationGrain : Grain, ICancellationGrain
{
    /// <summary>Keys whose <see cref="WaitForCancellation"/> saw its token cancelled.</summary>
    public static readonly ConcurrentDictionary<string, bool> Cancelled = new();

    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _waiting;
    private bool _blocked;
    private int _count;

    public async Task WaitForCancellation(CancellationToken cancellationToken)
    {
        _waiting = true;
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Cancelled[this.GetPrimaryKeyString()] = true;
            throw;
        }
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

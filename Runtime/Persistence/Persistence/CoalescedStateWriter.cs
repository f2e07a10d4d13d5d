namespace QuantumScheduler.Runtime.Persistence;

/// <summary>
/// Group commit for one grain's state, for a grain whose calls interleave at the write (a <c>[Reentrant]</c> grain that
/// changes its state synchronously and then awaits the write): while one write is in flight, every change made
/// meanwhile is covered by a single next write, and each caller's task completes only once a write that holds its
/// change is durable. A hot grain then writes once per storage round trip instead of once per call.
/// </summary>
/// <remarks>Every caller covered by a failed write gets that write's exception. The failed changes are still in memory
/// and go out with the next write; a grain that must not keep them should deactivate to reload its stored state.</remarks>
public sealed class CoalescedStateWriter
{
    private readonly Func<Task> _write;
    private readonly object _gate = new();
    private bool _writing;
    private TaskCompletionSource? _next;

    /// <param name="write">Writes the current state (e.g. <see cref="IPersistentState{TState}.WriteStateAsync"/>);
    /// never called while a previous call is in flight.</param>
    public CoalescedStateWriter(Func<Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _write = write;
    }

    /// <summary>Writes, or joins the write that will start when the one in flight ends. Completes once a write that
    /// began after this call is durable.</summary>
    public Task WriteAsync()
    {
        lock (_gate)
        {
            if (_writing)
                return (_next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            _writing = true;
        }
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = WriteInTurnAsync(first);
        return first.Task;
    }

    /// <summary>Completes once every change made before this call is durable: at once when no write is in flight,
    /// else with the next write. For a call that changes nothing but answers from changed state (a repeated request).</summary>
    public Task WhenDurableAsync()
    {
        lock (_gate)
        {
            if (!_writing)
                return Task.CompletedTask;
        }
        return WriteAsync();
    }

    private async Task WriteInTurnAsync(TaskCompletionSource current)
    {
        while (true)
        {
            try
            {
                await _write();
                current.SetResult();
            }
            catch (Exception e)
            {
                current.SetException(e);
            }
            lock (_gate)
            {
                if (_next is null)
                {
                    _writing = false;
                    return;
                }
                current = _next;
                _next = null;
            }
        }
    }
}

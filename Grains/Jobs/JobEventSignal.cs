namespace QuantumScheduler.Grains.Jobs;

/// <summary>
/// Wakes the long polls of one job activation when an event is appended. Waiters take the current task; a publish
/// completes it and installs a fresh one. Only ever touched inside the grain's turns (interleaved ones included).
/// </summary>
public sealed class JobEventSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next event is published.</summary>
    public Task NextAsync => _next.Task;

    public void Publish()
    {
        var current = _next;
        _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        current.TrySetResult();
    }
}

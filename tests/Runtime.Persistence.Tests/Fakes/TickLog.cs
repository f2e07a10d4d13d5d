namespace QuantumScheduler.Runtime.Persistence.Tests.Fakes;

/// <summary>Every tick the fake grains received, in order, with a way to wait for the next ones.</summary>
public sealed class TickLog
{
    private readonly Lock _lock = new();
    private readonly List<Tick> _ticks = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public IReadOnlyList<Tick> Ticks
    {
        get
        {
            lock (_lock)
                return _ticks.ToArray();
        }
    }

    public void Add(Tick tick)
    {
        lock (_lock)
        {
            _ticks.Add(tick);
            foreach (var waiter in _waiters.Where(w => _ticks.Count >= w.Count))
                waiter.Reached.TrySetResult();
        }
    }

    /// <summary>Completes once <paramref name="count"/> ticks have arrived; fails after a few real seconds.</summary>
    public async Task WaitForCountAsync(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_ticks.Count >= count)
                return;
            _waiters.Add((count, reached));
        }
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

public sealed record Tick(GrainId GrainId, string ReminderName, TickStatus Status);

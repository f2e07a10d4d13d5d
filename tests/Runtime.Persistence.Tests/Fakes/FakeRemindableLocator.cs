using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Runtime.Persistence.Tests.Fakes;

/// <summary>Hands out a new grain reference per tick, like the runtime (which activates the grain on the call).</summary>
public sealed class FakeRemindableLocator(TickLog log) : IRemindableLocator
{
    private int _lookups;

    /// <summary>Runs in place of the grain's handler; by default the tick is logged and completes at once.</summary>
    public Func<Tick, Task>? Handler { get; set; }

    public int Lookups => Volatile.Read(ref _lookups);

    public IRemindable GetRemindable(GrainId grainId)
    {
        Interlocked.Increment(ref _lookups);
        return new Grain(grainId, this, log);
    }

    private sealed class Grain(GrainId grainId, FakeRemindableLocator owner, TickLog log) : IRemindable
    {
        public Task ReceiveReminder(string reminderName, TickStatus status)
        {
            var tick = new Tick(grainId, reminderName, status);
            log.Add(tick);
            return owner.Handler?.Invoke(tick) ?? Task.CompletedTask;
        }
    }
}

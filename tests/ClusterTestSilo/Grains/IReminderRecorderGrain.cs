using QuantumScheduler.Runtime;

namespace QuantumScheduler.ClusterTestSilo.Grains;

/// <summary>A grain with a durable reminder that records every tick, and the silo that fired it, in
/// <see cref="TestTables.ReminderTicks"/>.</summary>
public interface IReminderRecorderGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Registers (or updates) the reminder <paramref name="reminderName"/> ticking every <paramref name="period"/>.</summary>
    Task Start(string reminderName, TimeSpan period);

    /// <summary>Unregisters the reminder <paramref name="reminderName"/>.</summary>
    Task Stop(string reminderName);
}

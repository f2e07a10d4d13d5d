using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Reminders;

/// <summary>What every <see cref="IReminderTable"/> refuses to store, checked the same way by every provider.</summary>
public static class ReminderEntryValidation
{
    public static void ThrowIfInvalid(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.GrainId.IsDefault)
            throw new ArgumentException($"Reminder '{entry.ReminderName}' has the default (empty) GrainId.", nameof(entry));
        if (string.IsNullOrEmpty(entry.ReminderName))
            throw new ArgumentException($"A reminder of grain '{entry.GrainId}' has an empty name.", nameof(entry));
        if (entry.StartAt.Kind != DateTimeKind.Utc)
            throw new ArgumentException($"Reminder '{entry.ReminderName}' of grain '{entry.GrainId}': StartAt must be UTC (DateTimeKind.Utc), got {entry.StartAt.Kind}.", nameof(entry));
        if (entry.Period <= TimeSpan.Zero)
            throw new ArgumentException($"Reminder '{entry.ReminderName}' of grain '{entry.GrainId}': Period must be positive, got {entry.Period}.", nameof(entry));
    }
}

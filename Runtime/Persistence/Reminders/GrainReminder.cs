namespace QuantumScheduler.Runtime.Reminders;

/// <summary>The handle of a registered reminder: what it is and the ETag of the row it was read from.</summary>
public sealed record GrainReminder(GrainId GrainId, string ReminderName, DateTime StartAt, TimeSpan Period, string ETag) : IGrainReminder
{
    internal static GrainReminder From(Storage.ReminderEntry entry) =>
        new(entry.GrainId, entry.ReminderName, entry.StartAt, entry.Period,
            entry.ETag ?? throw new InvalidOperationException($"Reminder '{entry.ReminderName}' of grain '{entry.GrainId}' was read without an ETag."));
}

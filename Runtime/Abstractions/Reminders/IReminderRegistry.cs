namespace QuantumScheduler.Runtime;

/// <summary>
/// Registers durable reminders for a grain; what <c>Grain.RegisterOrUpdateReminder</c> and friends call.
/// Registering an existing name replaces it. Periods below the configured minimum are rejected.
/// </summary>
public interface IReminderRegistry
{
    Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period);

    Task UnregisterReminder(GrainId grainId, IGrainReminder reminder);

    Task<IGrainReminder?> GetReminder(GrainId grainId, string reminderName);

    Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId grainId);
}

namespace QuantumScheduler.Runtime.Reminders;

/// <summary>Reminder service settings; the defaults are Orleans' (<c>ReminderOptionsDefaults</c>).</summary>
public sealed class ReminderOptions
{
    /// <summary>The shortest period a reminder may have. Default: 1 minute. Reminders are for coarse, durable
    /// schedules; use a grain timer for anything faster. Lower it only for tests.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the service re-reads the reminder rows of the hash range it owns, picking up rows
    /// written elsewhere and reminders coming due. Default: 5 minutes.</summary>
    public TimeSpan RefreshReminderListPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timers are kept only for reminders due within this window; the others wait for a later refresh.
    /// Must be at least <see cref="RefreshReminderListPeriod"/> so no tick falls between two refreshes.
    /// Default: 10 minutes (twice the refresh period).</summary>
    public TimeSpan ReminderLoadingWindow { get; set; } = TimeSpan.FromMinutes(10);
}

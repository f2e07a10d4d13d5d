using Microsoft.Extensions.Options;

namespace QuantumScheduler.Runtime.Reminders;

/// <summary>Rejects reminder settings that would make the service miss ticks or spin.</summary>
public sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    private static readonly TimeSpan MaximumTimerDelay = TimeSpan.FromMilliseconds(0xfffffffe);

    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        CheckPositiveFinite(failures, nameof(options.MinimumReminderPeriod), options.MinimumReminderPeriod);
        CheckPositiveFinite(failures, nameof(options.RefreshReminderListPeriod), options.RefreshReminderListPeriod);
        CheckPositiveFinite(failures, nameof(options.ReminderLoadingWindow), options.ReminderLoadingWindow);
        if (options.ReminderLoadingWindow < options.RefreshReminderListPeriod)
            failures.Add($"ReminderOptions.ReminderLoadingWindow ({options.ReminderLoadingWindow}) must be at least ReminderOptions.RefreshReminderListPeriod ({options.RefreshReminderListPeriod}), or ticks due between two refreshes are missed.");
        if (options.ReminderLoadingWindow > MaximumTimerDelay)
            failures.Add($"ReminderOptions.ReminderLoadingWindow ({options.ReminderLoadingWindow}) must be at most {MaximumTimerDelay}, the longest a timer can wait.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositiveFinite(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan || value == TimeSpan.MaxValue)
            failures.Add($"ReminderOptions.{name} must be positive and finite, got {value}.");
    }
}

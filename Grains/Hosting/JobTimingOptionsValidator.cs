using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Grains.Hosting;

/// <summary>
/// Checks the job pipeline's own timings in <see cref="SchedulerOptions"/> at start, every bad value named in one
/// failure: the resume check is a reminder, so it may not be shorter than the reminder service's minimum period. The
/// seed's scheduler keys (workers, cache, breaker, retry) are checked by the silo's configuration validator.
/// </summary>
public sealed class JobTimingOptionsValidator(IOptions<ReminderOptions> reminders) : IValidateOptions<SchedulerOptions>
{
    private const string Section = SchedulerOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var minimum = reminders.Value.MinimumReminderPeriod;
        if (options.ResumeCheckInterval < minimum || options.ResumeCheckInterval == Timeout.InfiniteTimeSpan)
            errors.Add($"{Section}:ResumeCheckInterval must be a finite duration of at least the reminders' minimum period {minimum} (QuantumScheduler:Reminders:MinimumReminderPeriod) (was {options.ResumeCheckInterval}).");
        if (options.ProgressReportInterval <= TimeSpan.Zero || options.ProgressReportInterval == Timeout.InfiniteTimeSpan)
            errors.Add($"{Section}:ProgressReportInterval must be a positive, finite duration (was {options.ProgressReportInterval}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Retry;

namespace QuantumScheduler.Grains.Hosting;

/// <summary>Checks <see cref="SchedulerOptions"/> at start and names every invalid value, with its configuration key, in one failure.</summary>
public sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    private const string Section = SchedulerOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        AtLeast(errors, "MaxWorkers", options.MaxWorkers, 1);
        AtLeast(errors, "MaxQueueLength", options.MaxQueueLength, 0);
        NotEmpty(errors, "BackendStrategy", options.BackendStrategy);
        NotEmpty(errors, "LoadBalancing", options.LoadBalancing);
        AtLeast(errors, "Cache:Size", options.Cache.Size, 0);
        Positive(errors, "Cache:Ttl", options.Cache.Ttl);
        AtLeast(errors, "CircuitBreaker:FailureThreshold", options.CircuitBreaker.FailureThreshold, 1);
        Positive(errors, "CircuitBreaker:RecoveryTimeout", options.CircuitBreaker.RecoveryTimeout);
        AtLeast(errors, "RetryPolicy:MaxAttempts", options.RetryPolicy.MaxAttempts, 1);
        NotNegative(errors, "RetryPolicy:BaseDelay", options.RetryPolicy.BaseDelay);
        if (!RetryBackoff.Strategies.Contains(options.RetryPolicy.BackoffStrategy, StringComparer.OrdinalIgnoreCase))
            errors.Add($"{Section}:RetryPolicy:BackoffStrategy must be one of {string.Join(", ", RetryBackoff.Strategies)} (was \"{options.RetryPolicy.BackoffStrategy}\").");
        if (options.RetryPolicy.MaxDelay < options.RetryPolicy.BaseDelay)
            errors.Add($"{Section}:RetryPolicy:MaxDelay must be at least RetryPolicy:BaseDelay {options.RetryPolicy.BaseDelay} (was {options.RetryPolicy.MaxDelay}).");
        Positive(errors, "ResultRetention", options.ResultRetention);
        Positive(errors, "ResumeCheckInterval", options.ResumeCheckInterval);
        Positive(errors, "ProgressReportInterval", options.ProgressReportInterval);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void AtLeast(List<string> errors, string key, int value, int minimum)
    {
        if (value < minimum)
            errors.Add($"{Section}:{key} must be at least {minimum} (was {value}).");
    }

    private static void NotEmpty(List<string> errors, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add($"{Section}:{key} must not be empty.");
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan)
            errors.Add($"{Section}:{key} must be a positive, finite duration (was {value}).");
    }

    private static void NotNegative(List<string> errors, string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
            errors.Add($"{Section}:{key} must not be negative (was {value}).");
    }
}

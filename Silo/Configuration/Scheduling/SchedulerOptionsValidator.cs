using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Balancing;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Selection;

namespace QuantumScheduler.Silo.Configuration.Scheduling;

/// <summary>Checks <see cref="SchedulerOptions"/>, listing every bad value with its key.</summary>
/// <param name="backendNames">The solver registry's backends, which <c>backend_strategy</c> may also name.</param>
internal sealed class SchedulerOptionsValidator(IEnumerable<string> backendNames) : IValidateOptions<SchedulerOptions>
{
    private static readonly string[] s_backoffStrategies = ["exponential", "linear", "constant"];

    private const string Section = SchedulerOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var failures = new List<string>();
        void Require(bool valid, string key, string yaml, string? variable, string rule, object? value)
        {
            if (!valid)
                failures.Add($"{SchedulingKeys.Describe($"{Section}:{key}", $"scheduler.{yaml}", variable)} {rule} (was {Show(value)}).");
        }

        Require(options.MaxWorkers >= 1, "MaxWorkers", "max_workers", SchedulingEnvironmentVariables.MaxWorkers, "must be at least 1", options.MaxWorkers);
        Require(options.MaxQueueLength >= 0, "MaxQueueLength", "max_queue_length", null, "must be 0 or more", options.MaxQueueLength);
        var strategies = BackendStrategyNames.All.Concat(backendNames).ToList();
        var strategy = options.BackendStrategy?.Trim() ?? "";
        var isBackend = strategy.StartsWith(BackendSelectorResolver.BackendPrefix, StringComparison.OrdinalIgnoreCase);
        Require(strategies.Contains(isBackend ? strategy[BackendSelectorResolver.BackendPrefix.Length..] : strategy, StringComparer.OrdinalIgnoreCase),
            "BackendStrategy", "backend_strategy", SchedulingEnvironmentVariables.BackendStrategy,
            $"must be a strategy ({string.Join(", ", BackendStrategyNames.All)}) or a backend ({string.Join(", ", backendNames)})", options.BackendStrategy);
        Require(WorkerBalancerNames.All.Contains(options.LoadBalancing?.Trim() ?? "", StringComparer.OrdinalIgnoreCase),
            "LoadBalancing", "load_balancing", null, $"must be one of {string.Join(", ", WorkerBalancerNames.All)}", options.LoadBalancing);
        Require(options.ResultRetention > TimeSpan.Zero, "ResultRetention", "result_retention", null, "must be a positive duration", options.ResultRetention);

        Require(options.Cache.Size >= 0, "Cache:Size", "cache.size", SchedulingEnvironmentVariables.CacheSize, "must be 0 (no cache) or more", options.Cache.Size);
        Require(options.Cache.Ttl > TimeSpan.Zero, "Cache:Ttl", "cache.ttl", null, "must be a positive duration", options.Cache.Ttl);

        Require(options.CircuitBreaker.FailureThreshold >= 1, "CircuitBreaker:FailureThreshold", "circuit_breaker.failure_threshold", null, "must be at least 1", options.CircuitBreaker.FailureThreshold);
        Require(options.CircuitBreaker.RecoveryTimeout > TimeSpan.Zero, "CircuitBreaker:RecoveryTimeout", "circuit_breaker.recovery_timeout", null, "must be a positive duration", options.CircuitBreaker.RecoveryTimeout);

        Require(options.CircuitBreaker.TrialTimeout > TimeSpan.Zero, "CircuitBreaker:TrialTimeout", "circuit_breaker.trial_timeout", null, "must be a positive duration", options.CircuitBreaker.TrialTimeout);

        var retry = options.RetryPolicy;
        Require(retry.MaxAttempts >= 1, "RetryPolicy:MaxAttempts", "retry_policy.max_attempts", null, "must be at least 1", retry.MaxAttempts);
        Require(retry.BaseDelay >= TimeSpan.Zero, "RetryPolicy:BaseDelay", "retry_policy.base_delay", null, "must not be negative", retry.BaseDelay);
        Require(s_backoffStrategies.Contains(retry.BackoffStrategy?.Trim() ?? "", StringComparer.OrdinalIgnoreCase),
            "RetryPolicy:BackoffStrategy", "retry_policy.backoff_strategy", null, $"must be one of {string.Join(", ", s_backoffStrategies)}", retry.BackoffStrategy);
        var baseline = options.ClassicalBaseline;
        Require(string.IsNullOrWhiteSpace(baseline.Backend) || BackendFamilies.ClassicalBackendNames.Contains(baseline.Backend.Trim(), StringComparer.OrdinalIgnoreCase),
            "ClassicalBaseline:Backend", "classical_baseline.backend", null,
            $"must be empty (no baseline) or a classical backend ({string.Join(", ", BackendFamilies.ClassicalBackendNames)})", baseline.Backend);
        Require(baseline.TimeLimit > TimeSpan.Zero, "ClassicalBaseline:TimeLimit", "classical_baseline.time_limit", null, "must be a positive duration", baseline.TimeLimit);
        Require(retry.MaxDelay >= retry.BaseDelay, "RetryPolicy:MaxDelay", "retry_policy.max_delay", null, $"must not be below base_delay {retry.BaseDelay}", retry.MaxDelay);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static string Show(object? value) => value switch
    {
        null => "nothing",
        string text => $"\"{text}\"",
        TimeSpan duration => $"{duration.TotalSeconds:0.###} s",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Silo.Configuration.Scheduling;

/// <summary>
/// The seed's environment variables, mapped onto the options' keys. They win over the YAML file and every other
/// configuration source. <c>REDIS_URL</c> is not used (state lives in the silo's storage) and only draws a warning;
/// <c>QUANTUM_SCHEDULER_ENABLE_METRICS</c> is checked but not acted on yet (there is no metrics exporter).
/// </summary>
internal static class SchedulingEnvironmentVariables
{
    public const string Environment = "QUANTUM_SCHEDULER_ENV";
    public const string LogLevel = "QUANTUM_SCHEDULER_LOG_LEVEL";
    public const string MaxWorkers = "QUANTUM_SCHEDULER_MAX_WORKERS";
    public const string CacheSize = "QUANTUM_SCHEDULER_CACHE_SIZE";
    public const string EnableMetrics = "QUANTUM_SCHEDULER_ENABLE_METRICS";
    public const string BackendStrategy = "QUANTUM_SCHEDULER_BACKEND_STRATEGY";
    public const string HealthCheckInterval = "QUANTUM_SCHEDULER_HEALTH_CHECK_INTERVAL";
    public const string ConfigFile = "QUANTUM_SCHEDULER_CONFIG";
    public const string RedisUrl = "REDIS_URL";

    /// <summary>The configuration key of the host environment name (development, staging, production).</summary>
    public const string EnvironmentKey = "QuantumScheduler:Environment";

    public const string LogLevelKey = "Logging:LogLevel:Default";

    private static readonly (string Variable, ConfigurationValueKind Kind, string Target)[] s_mapped =
    [
        (Environment, ConfigurationValueKind.Environment, EnvironmentKey),
        (LogLevel, ConfigurationValueKind.LogLevel, LogLevelKey),
        (MaxWorkers, ConfigurationValueKind.Integer, $"{SchedulerOptions.SectionName}:MaxWorkers"),
        (CacheSize, ConfigurationValueKind.Integer, $"{SchedulerOptions.SectionName}:Cache:Size"),
        (BackendStrategy, ConfigurationValueKind.Text, $"{SchedulerOptions.SectionName}:BackendStrategy"),
        (HealthCheckInterval, ConfigurationValueKind.Seconds, $"{BackendsOptions.SectionName}:HealthCheckInterval"),
    ];

    public static SchedulingConfigurationSource Read(IReadOnlyDictionary<string, string?> variables)
    {
        var source = new SchedulingConfigurationSource();
        foreach (var (variable, kind, target) in s_mapped)
        {
            if (variables.GetValueOrDefault(variable) is { Length: > 0 } raw)
                source.Add(variable, kind, raw, target);
        }
        if (variables.GetValueOrDefault(EnableMetrics) is { Length: > 0 } metrics)
        {
            source.Check(EnableMetrics, ConfigurationValueKind.Boolean, metrics);
            source.Warnings.Add($"{EnableMetrics} is accepted but has no effect: metrics are published on the meters only, there is no exporter.");
        }
        if (variables.GetValueOrDefault(RedisUrl) is { Length: > 0 })
            source.Warnings.Add($"{RedisUrl} is set but not used: job state, caches and coordination live in the silo's grain storage, not in Redis.");
        return source;
    }
}

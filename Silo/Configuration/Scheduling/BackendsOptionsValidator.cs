using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Silo.Configuration.Scheduling;

/// <summary>Checks <see cref="BackendsOptions"/>: intervals, and each family or backend entry (known name, weight,
/// limits), listing every bad value with its key.</summary>
/// <param name="backendNames">The solver registry's backends.</param>
internal sealed class BackendsOptionsValidator(IEnumerable<string> backendNames) : IValidateOptions<BackendsOptions>
{
    private const string Section = BackendsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, BackendsOptions options)
    {
        var failures = new List<string>();
        void Require(bool valid, string key, string yaml, string? variable, string rule, object? value)
        {
            if (!valid)
                failures.Add($"{SchedulingKeys.Describe($"{Section}:{key}", yaml, variable)} {rule} (was {SchedulerOptionsValidator.Show(value)}).");
        }

        Require(options.HealthCheckInterval >= TimeSpan.Zero, "HealthCheckInterval", "monitoring.health_check_interval", SchedulingEnvironmentVariables.HealthCheckInterval,
            "must not be negative (0 turns periodic checks off)", options.HealthCheckInterval);
        Require(options.HealthCheckTimeout > TimeSpan.Zero, "HealthCheckTimeout", "monitoring.health_check_timeout", null, "must be a positive duration", options.HealthCheckTimeout);
        Require(options.StatsWindow >= 1, "StatsWindow", "monitoring.stats_window", null, "must be at least 1", options.StatsWindow);

        var known = backendNames.ToList();
        foreach (var (family, entry) in options.Families)
        {
            Require(BackendFamilies.IsFamily(family), $"Families:{family}", $"backends.{family}", null,
                $"is not a backend family ({string.Join(", ", BackendFamilies.All)}) — to configure one backend, use its name under backends:", family);
            Entry($"Families:{family}", family, entry, Require);
        }
        foreach (var (backend, entry) in options.Backends)
        {
            Require(known.Contains(backend, StringComparer.OrdinalIgnoreCase), $"Backends:{backend}", $"backends.{backend}", null,
                $"is neither a family ({string.Join(", ", BackendFamilies.All)}) nor a backend ({string.Join(", ", known)})", backend);
            Entry($"Backends:{backend}", backend, entry, Require);
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Entry(string key, string yamlName, BackendOptions entry, Action<bool, string, string, string?, string, object?> require)
    {
        if (entry.Weight is { } weight)
            require(double.IsFinite(weight) && weight > 0, $"{key}:Weight", $"backends.{yamlName}.weight", null, "must be a positive number", weight);
        if (entry.MaxProblemSize is { } size)
            require(size >= 1, $"{key}:MaxProblemSize", $"backends.{yamlName}.max_problem_size", null, "must be at least 1", size);
        if (entry.MaxQubits is { } qubits)
            require(qubits >= 1, $"{key}:MaxQubits", $"backends.{yamlName}.max_qubits", null, "must be at least 1", qubits);
        if (entry.QueueTimeout is { } timeout)
            require(timeout > TimeSpan.Zero, $"{key}:QueueTimeout", $"backends.{yamlName}.queue_timeout", null, "must be a positive duration", timeout);
    }
}

namespace QuantumScheduler.Silo.Configuration.Scheduling;

/// <summary>How error messages name a setting: the options key, then the YAML key and the environment variable
/// that set it, so the operator finds it wherever it was written.</summary>
internal static class SchedulingKeys
{
    /// <summary>e.g. <c>QuantumScheduler:Scheduler:MaxWorkers (quantum_scheduler.scheduler.max_workers, QUANTUM_SCHEDULER_MAX_WORKERS)</c>.</summary>
    public static string Describe(string optionsKey, string yamlKey, string? variable = null) =>
        $"{optionsKey} (quantum_scheduler.{yamlKey}{(variable is null ? "" : $", {variable}")})";
}

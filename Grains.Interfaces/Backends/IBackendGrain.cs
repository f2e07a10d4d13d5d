using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// One solver backend (key: backend name as in the solver registry, e.g. <c>classical-tabu</c>): its configuration
/// from the <c>backends:</c> section, its health (checked every <c>health_check_interval</c>) and rolling statistics
/// that the <c>adaptive_performance</c> strategy learns from.
/// </summary>
public interface IBackendGrain : IGrainWithStringKey
{
    /// <summary>Configuration, availability, health and statistics; <see cref="Errors.UnknownBackendException"/> for a name no registry knows.</summary>
    [ReadOnly]
    Task<BackendInfo> GetInfoAsync();

    /// <summary>Records one finished attempt in the rolling statistics.</summary>
    Task RecordOutcomeAsync(BackendOutcome outcome);

    /// <summary>Runs the health check now (it also runs on its interval) and returns the result.</summary>
    Task<BackendInfo> CheckHealthAsync();
}

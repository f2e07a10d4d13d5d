using QuantumScheduler.Grains.Backends;

namespace QuantumScheduler.Client;

/// <summary>One backend as an operator sees it: its configuration, availability, health and statistics, and the state
/// of its circuit breaker (an open breaker means jobs fall back to other backends).</summary>
/// <param name="Info">Configuration, availability, health and rolling statistics.</param>
/// <param name="Breaker">The backend's circuit breaker.</param>
public sealed record BackendStatus(BackendInfo Info, BreakerSnapshot Breaker)
{
    /// <summary>The backend's name, as submits select it.</summary>
    public string Name => Info.Name;
}

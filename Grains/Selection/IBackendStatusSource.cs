using QuantumScheduler.Grains.Backends;

namespace QuantumScheduler.Grains.Selection;

/// <summary>Where strategies read a backend's live state: its grain's info (health, statistics) and its breaker.</summary>
public interface IBackendStatusSource
{
    Task<BackendInfo> GetInfoAsync(string backend, CancellationToken cancellationToken);

    Task<BreakerSnapshot> GetBreakerAsync(string backend, CancellationToken cancellationToken);
}

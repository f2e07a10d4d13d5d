using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Selection;

/// <summary>Reads backend state from the <see cref="IBackendGrain"/> and <see cref="ICircuitBreakerGrain"/> of each backend.</summary>
public sealed class GrainBackendStatusSource(IGrainFactory grains) : IBackendStatusSource
{
    public Task<BackendInfo> GetInfoAsync(string backend, CancellationToken cancellationToken) =>
        grains.GetGrain<IBackendGrain>(backend).GetInfoAsync();

    public Task<BreakerSnapshot> GetBreakerAsync(string backend, CancellationToken cancellationToken) =>
        grains.GetGrain<ICircuitBreakerGrain>(backend).GetStateAsync();
}

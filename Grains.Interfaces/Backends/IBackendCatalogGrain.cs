using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// The backends this cluster can run (key: <see cref="Key"/>), so clients learn the names from the server instead of
/// assuming them; each name is the key of an <see cref="IBackendGrain"/> and an <see cref="ICircuitBreakerGrain"/>.
/// </summary>
public interface IBackendCatalogGrain : IGrainWithStringKey
{
    /// <summary>The one key the catalog is reached by.</summary>
    const string Key = "catalog";

    /// <summary>The names of the registered backends, in registration order (enabled or not, available or not).</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> GetBackendNamesAsync();
}

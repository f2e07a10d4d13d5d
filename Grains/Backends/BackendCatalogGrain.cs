using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// Answers which backends this silo's catalog holds, so clients learn the names from the server. Stateless: every silo
/// has the same catalog, so any activation answers.
/// </summary>
[GrainType("backendcatalog")]
[StatelessWorker]
public sealed class BackendCatalogGrain(BackendCatalog catalog) : Grain, IBackendCatalogGrain
{
    public Task<IReadOnlyList<string>> GetBackendNamesAsync() => Task.FromResult<IReadOnlyList<string>>(catalog.Names.ToList());
}

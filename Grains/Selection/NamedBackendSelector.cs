using QuantumScheduler.Grains.Backends;

namespace QuantumScheduler.Grains.Selection;

/// <summary>A backend asked for by name: that backend only, or nothing with the reason it cannot run the problem.
/// There is no fallback to other backends: the caller chose this one.</summary>
public sealed class NamedBackendSelector(CatalogBackend backend, BackendCatalog catalog, BackendCandidateFilter filter) : BackendSelector(catalog, filter)
{
    public override string Name => backend.Name;

    protected override IEnumerable<CatalogBackend> Backends => [backend];

    protected override ValueTask<IReadOnlyList<BackendCandidate>> OrderAsync(
        IReadOnlyList<BackendCandidate> candidates, BackendSelectionRequest request, ICollection<string> refusals, CancellationToken cancellationToken) =>
        ValueTask.FromResult(candidates);
}

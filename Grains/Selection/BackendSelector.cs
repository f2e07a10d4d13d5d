using QuantumScheduler.Grains.Backends;

namespace QuantumScheduler.Grains.Selection;

/// <summary>
/// The shape every strategy shares: filter the catalog's backends (<see cref="BackendCandidateFilter"/>), let the
/// strategy order the candidates, then move backends whose last health check failed behind the healthy ones (they
/// stay as a last resort: a health check is one tiny solve, not a verdict).
/// </summary>
public abstract class BackendSelector(BackendCatalog catalog, BackendCandidateFilter filter) : IBackendSelector
{
    public abstract string Name { get; }

    protected BackendCatalog Catalog => catalog;

    /// <summary>The backends this strategy considers. Default: the whole catalog.</summary>
    protected virtual IEnumerable<CatalogBackend> Backends => catalog.Backends;

    public async Task<IReadOnlyList<string>> RankAsync(BackendSelectionRequest request, ICollection<string> refusals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusals);
        var candidates = await filter.FilterAsync(Backends, request, refusals, cancellationToken);
        if (candidates.Count == 0)
            return [];
        var ordered = await OrderAsync(candidates, request, refusals, cancellationToken);
        return ordered.OrderBy(static candidate => candidate.Info.Healthy ? 0 : 1).Select(static candidate => candidate.Name).ToList();
    }

    /// <summary>Orders the candidates best first; may drop some, adding the reason to <paramref name="refusals"/>.</summary>
    protected abstract ValueTask<IReadOnlyList<BackendCandidate>> OrderAsync(
        IReadOnlyList<BackendCandidate> candidates, BackendSelectionRequest request, ICollection<string> refusals, CancellationToken cancellationToken);
}

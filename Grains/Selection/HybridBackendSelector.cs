using QuantumScheduler.Grains.Backends;

namespace QuantumScheduler.Grains.Selection;

/// <summary>The default strategy, <c>hybrid</c>: a fixed rule by problem size and backend kind (<see cref="HybridOrder"/>).</summary>
public sealed class HybridBackendSelector(BackendCatalog catalog, BackendCandidateFilter filter) : BackendSelector(catalog, filter)
{
    public override string Name => BackendStrategyNames.Hybrid;

    protected override ValueTask<IReadOnlyList<BackendCandidate>> OrderAsync(
        IReadOnlyList<BackendCandidate> candidates, BackendSelectionRequest request, ICollection<string> refusals, CancellationToken cancellationToken) =>
        ValueTask.FromResult(HybridOrder.Order(candidates, request.ProblemSize));
}

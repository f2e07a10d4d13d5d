using System.Globalization;
using QuantumScheduler.Grains.Backends;

namespace QuantumScheduler.Grains.Selection;

/// <summary>
/// <c>cost_optimized</c>: the cheapest expected cost (<see cref="IBackendCostEstimator"/>) among backends expected to
/// meet the quality target and whose cost fits the remaining budget. A backend whose mean quality gap in the size
/// class is known and above <see cref="BackendSelectionRequest.QualityTarget"/>, or whose expected cost exceeds
/// <see cref="BackendSelectionRequest.RemainingBudget"/>, is dropped with the reason. Backends with a known gap within
/// the target come before those whose quality is not known yet; within each group the cheaper first, equal costs in
/// <see cref="HybridOrder"/>.
/// </summary>
public sealed class CostOptimizedSelector(BackendCatalog catalog, BackendCandidateFilter filter, IBackendCostEstimator costs)
    : BackendSelector(catalog, filter)
{
    public override string Name => BackendStrategyNames.CostOptimized;

    protected override ValueTask<IReadOnlyList<BackendCandidate>> OrderAsync(
        IReadOnlyList<BackendCandidate> candidates, BackendSelectionRequest request, ICollection<string> refusals, CancellationToken cancellationToken)
    {
        var sizeClass = ProblemSizeClass.Of(request.ProblemSize);
        var kept = new List<(BackendCandidate Candidate, bool QualityKnown, decimal Cost)>();
        foreach (var candidate in HybridOrder.Order(candidates, request.ProblemSize))
        {
            var gap = candidate.Info.Stats.BySize.FirstOrDefault(s => s.SizeClass == sizeClass)?.MeanQualityGap;
            var cost = costs.Estimate(candidate, request);
            if (request.QualityTarget is { } target && gap > target)
                refusals.Add($"{candidate.Name}: expected quality gap {gap:0.####} on {sizeClass} problems exceeds the quality target {target:0.####}");
            else if (request.RemainingBudget is { } budget && cost > budget)
                refusals.Add($"{candidate.Name}: expected cost {cost.ToString("0.######", CultureInfo.InvariantCulture)} exceeds the remaining budget {budget.ToString("0.######", CultureInfo.InvariantCulture)}");
            else
                kept.Add((candidate, gap is not null || request.QualityTarget is null, cost));
        }
        IReadOnlyList<BackendCandidate> ordered = kept
            .OrderBy(static k => k.QualityKnown ? 0 : 1)
            .ThenBy(static k => k.Cost)
            .Select(static k => k.Candidate)
            .ToList();
        return ValueTask.FromResult(ordered);
    }
}

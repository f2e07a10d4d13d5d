using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Costs;

namespace QuantumScheduler.Grains.Selection;

/// <summary>
/// Expected cost with the same prices jobs are charged (<see cref="ResourcePricing.Estimate"/>: core-seconds, and
/// qubit-seconds for qubit-limited backends) over the expected solve time: the backend's p50 latency in the problem's
/// size class, else the request's time limit (backends without a proof of optimality run to it), on one core.
/// </summary>
public sealed class PricingCostEstimator(ResourcePricing pricing) : IBackendCostEstimator
{
    public decimal Estimate(BackendCandidate candidate, BackendSelectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(request);
        var sizeClass = ProblemSizeClass.Of(request.ProblemSize);
        var expected = candidate.Info.Stats.BySize.FirstOrDefault(s => s.SizeClass == sizeClass)?.LatencyP50Ms is { } p50
            ? TimeSpan.FromMilliseconds(p50)
            : request.TimeLimit;
        return pricing.Estimate(candidate.Name, request.ProblemSize, expected, threads: 1);
    }
}

using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Solvers.Quantum.Comparison;

namespace QuantumScheduler.Grains.Backends;

/// <summary>How far a solved attempt is from the best reference known for its problem: the quality that the
/// backend's statistics keep per size class and that <c>adaptive_performance</c> and <c>cost_optimized</c> weigh.</summary>
public static class SolutionQuality
{
    /// <summary>
    /// The relative excess over the feasible classical baseline the backend compared itself with (0 when it did at
    /// least as well); otherwise the backend's own proven gap to its bound. Null when neither is known, or when the
    /// schedule is infeasible (that counts apart, in the feasible rate).
    /// </summary>
    public static double? GapOf(JobResult? result)
    {
        if (result is not { IsFeasible: true })
            return null;
        if (QuantumComparisonRecord.TryReadBaseline(result.Details, out var baseline, out var excess) && baseline.IsFeasible)
            return Math.Max(0, excess);
        return result.Gap;
    }
}

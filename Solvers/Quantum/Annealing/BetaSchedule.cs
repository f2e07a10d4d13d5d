using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>How the inverse temperature moves from hot to cold over the sweeps.</summary>
public enum BetaScheduleKind
{
    /// <summary>β multiplies by a constant factor each sweep (equal time per decade of temperature).</summary>
    Geometric,

    /// <summary>β grows by a constant step each sweep.</summary>
    Linear,
}

/// <summary>
/// Inverse temperatures per sweep. The default range comes from the QUBO's coefficients (as dwave-samplers
/// does): hot enough that the largest possible flip is accepted with probability ½, cold enough that the
/// smallest coefficient's flip (or, when the caller gives one, the energy resolution) is accepted with
/// probability 1 %.
/// </summary>
public static class BetaSchedule
{
    public static (double Hot, double Cold) DefaultRange(QuboModel model, double? energyResolution = null)
    {
        var (maxFlip, minCoefficient) = model.CoefficientRange();
        var hot = Math.Log(2) / maxFlip;
        var cold = Math.Log(100) / (energyResolution is > 0 and var r ? r : minCoefficient);
        return (hot, Math.Max(cold, hot));
    }

    /// <summary>
    /// The range for moves inside the one-hot subspace, from the objective rather than the penalties: hot enough
    /// that <paramref name="hotSpreadShare"/> × the median task's spread between its cheapest and dearest option is
    /// accepted with probability ½, cold enough that the energy resolution (else the smallest spread) is accepted with
    /// probability 1 %. Overloads stay priced by the full penalty, so a cold read settles on assignments that fit.
    /// </summary>
    public static (double Hot, double Cold) OneHotRange(QuboAssignmentStructure structure, double? energyResolution = null, double hotSpreadShare = 1)
    {
        if (!(hotSpreadShare > 0)) throw new ArgumentOutOfRangeException(nameof(hotSpreadShare), hotSpreadShare, "Must be above 0.");
        ArgumentNullException.ThrowIfNull(structure);
        var spreads = new List<double>();
        for (var t = 0; t < structure.TaskCount; t++)
        {
            var own = structure.TaskVariables(t);
            if (own.Count == 0) continue;
            var (low, high) = structure.ExactlyOne ? (double.PositiveInfinity, double.NegativeInfinity) : (0.0, 0.0);
            foreach (var v in own) (low, high) = (Math.Min(low, structure.Residual.Linear[v]), Math.Max(high, structure.Residual.Linear[v]));
            if (high > low) spreads.Add(high - low);
        }
        if (spreads.Count == 0) return (1, 1);
        spreads.Sort();
        var hot = Math.Log(2) / (hotSpreadShare * spreads[spreads.Count / 2]);
        var cold = Math.Log(100) / (energyResolution is > 0 and var r ? r : spreads[0]);
        return (hot, Math.Max(cold, hot));
    }

    public static double[] Build(BetaScheduleKind kind, double hot, double cold, int sweeps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sweeps, 1);
        if (!(hot > 0) || !(cold >= hot)) throw new ArgumentException($"Need 0 < hot β ({hot}) ≤ cold β ({cold}).");
        var betas = new double[sweeps];
        for (var s = 0; s < sweeps; s++) betas[s] = At(kind, hot, cold, sweeps == 1 ? 1 : (double)s / (sweeps - 1));
        return betas;
    }

    /// <summary>β at fraction f ∈ [0, 1] of the way from hot to cold.</summary>
    public static double At(BetaScheduleKind kind, double hot, double cold, double f) =>
        kind == BetaScheduleKind.Geometric ? hot * Math.Pow(cold / hot, f) : hot + (cold - hot) * f;

    /// <summary>
    /// The schedule shortened (same end points, same kind) to the sweeps that fit in a read's time budget, given
    /// the measured time of one sweep; at least <paramref name="minimumSweeps"/>. An anytime sampler uses it so
    /// that reads still finish cold when the time limit is short, instead of being cut off hot.
    /// </summary>
    public static double[] FitToBudget(double[] betas, BetaScheduleKind kind, double sweepSeconds, double budgetSeconds, int minimumSweeps = 10)
    {
        if (sweepSeconds <= 0 || betas.Length * sweepSeconds <= budgetSeconds) return betas;
        var sweeps = Math.Max(minimumSweeps, (int)(budgetSeconds / sweepSeconds));
        return sweeps >= betas.Length ? betas : Build(kind, betas[0], betas[^1], sweeps);
    }

    /// <summary>
    /// The place of sweep s of an anytime read in its schedule, as a fraction of the way from hot to cold: the later of
    /// its place by sweep count and the share of the time budget used, so that a read whose time binds still ends
    /// cold exactly at its budget, and one whose time does not bind follows its sweeps (reproducibly). A schedule fitted
    /// from the first sweep's time ended reads at 40 % of their budget on the Yagiura instances: hot sweeps accept
    /// many moves and cost several times a cold one.
    /// </summary>
    public static double AnytimeFraction(int sweep, int sweeps, double elapsedSeconds, double budgetSeconds) =>
        Math.Min(1, Math.Max(sweeps <= 1 ? 1 : (double)sweep / (sweeps - 1), budgetSeconds > 0 ? elapsedSeconds / budgetSeconds : 1));
}

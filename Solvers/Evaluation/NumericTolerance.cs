namespace QuantumScheduler.Solvers.Evaluation;

/// <summary>
/// How far a computed time or load may pass a limit before it counts as a violation: rounding in sums
/// of doubles must not make a schedule infeasible. Shared by the checker and the evaluator so they agree.
/// </summary>
internal static class NumericTolerance
{
    private const double Relative = 1e-9;

    /// <summary>Whether <paramref name="value"/> exceeds <paramref name="limit"/> by more than rounding.</summary>
    public static bool Exceeds(double value, double limit) => value > limit + Relative * Math.Max(1, Math.Abs(limit));
}

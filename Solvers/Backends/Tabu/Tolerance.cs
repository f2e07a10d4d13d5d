namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>How much better a value must be to count as an improvement, so that rounding noise in sums is not progress.</summary>
internal static class Tolerance
{
    public static double Of(double value) => double.IsInfinity(value) ? 0 : 1e-9 * Math.Max(1, Math.Abs(value));
}

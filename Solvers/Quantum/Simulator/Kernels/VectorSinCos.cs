using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// sin and cos of (π/2)·t for four values of t at once — the angle measured in quarter turns, so the caller folds
/// γ·2/π into one multiply and the reduction is an exact subtraction of the nearest integer. Polynomials are
/// fdlibm's minimax kernels rescaled to quarter turns (full precision) or Taylor series good to 3e-8 (for complex64
/// states). The runtime's Vector256.SinCos is several times slower, and a QAOA cost layer needs one phase per
/// amplitude. Valid for |t| &lt; 2^50.
/// </summary>
internal static class VectorSinCos
{
    /// <summary>Converts an angle in radians to quarter turns.</summary>
    public const double QuarterTurnsPerRadian = 0.63661977236758134308;

    private const double RoundingMagic = 6755399441055744.0; // 1.5·2^52: adding it leaves the integer in the low mantissa bits

    // Polynomial coefficients in quarter turns: fdlibm's __kernel_sin/__kernel_cos minimax coefficients for
    // x ∈ [−π/4, π/4] (and 1/k! for the short series) multiplied by (π/2)^(2k+1) for sin and (π/2)^(2k) for cos,
    // so sin((π/2)·r) = r·Σ S_k·r^(2k) and cos((π/2)·r) = Σ C_k·r^(2k). Constants, so the JIT embeds them.
    private const double S0 = 1.5707963267948966, S1 = -0.6459640975062448, S2 = 0.07969262624606334, S3 = -0.004681754132625933,
        S4 = 0.0001604411526673809, S5 = -3.5986495702406905e-06, S6 = 5.6347041138847485e-08;

    private const double C0 = 1.0, C1 = -1.2337005501361697, C2 = 0.2536695079010476, C3 = -0.020863480763330756,
        C4 = 0.000919260274390553, C5 = -2.520203791691773e-05, C6 = 4.710641505803499e-07, C7 = -6.324746678866067e-09;

    private const double ShortS0 = 1.5707963267948966, ShortS1 = -0.6459640975062462, ShortS2 = 0.07969262624616703,
        ShortS3 = -0.004681754135318687, ShortS4 = 0.00016044118478735978;

    private const double ShortC0 = 1.0, ShortC1 = -1.2337005501361697, ShortC2 = 0.2536695079010479,
        ShortC3 = -0.020863480763352957, ShortC4 = 0.0009192602748394263;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> Sin, Vector256<double> Cos) SinCosQuarterTurns(Vector256<double> t, bool fullPrecision)
    {
        var quadrant = Avx.RoundToNearestInteger(t);
        var r = Avx.Subtract(t, quadrant); // exact, |r| ≤ 1/2
        var r2 = Avx.Multiply(r, r);
        Vector256<double> s, c;
        if (fullPrecision)
        {
            s = Step(Step(Step(Step(Step(Step(Vector256.Create(S6), r2, S5), r2, S4), r2, S3), r2, S2), r2, S1), r2, S0);
            c = Step(Step(Step(Step(Step(Step(Step(Vector256.Create(C7), r2, C6), r2, C5), r2, C4), r2, C3), r2, C2), r2, C1), r2, C0);
        }
        else
        {
            s = Step(Step(Step(Step(Vector256.Create(ShortS4), r2, ShortS3), r2, ShortS2), r2, ShortS1), r2, ShortS0);
            c = Step(Step(Step(Step(Vector256.Create(ShortC4), r2, ShortC3), r2, ShortC2), r2, ShortC1), r2, ShortC0);
        }

        s = Avx.Multiply(s, r);

        // Quadrant q mod 4 turns (sin, cos) of r into (s, c), (c, −s), (−s, −c) or (−c, s). BlendVariable reads the sign bit.
        var q = Avx.Add(quadrant, Vector256.Create(RoundingMagic)).AsInt64();
        var swap = Avx2.ShiftLeftLogical(q, 63).AsDouble();
        var signBit = Vector256.Create(long.MinValue);
        var sinSign = Avx2.And(Avx2.ShiftLeftLogical(q, 62), signBit).AsDouble();
        var cosSign = Avx2.And(Avx2.ShiftLeftLogical(Avx2.Add(q, Vector256.Create(1L)), 62), signBit).AsDouble();
        var sin = Avx.BlendVariable(s, c, swap);
        var cos = Avx.BlendVariable(c, s, swap);
        return (Avx.Xor(sin, sinSign), Avx.Xor(cos, cosSign));
    }

    /// <summary>One Horner step: sum·x + coefficient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Step(Vector256<double> sum, Vector256<double> x, double coefficient) =>
        Fma.MultiplyAdd(sum, x, Vector256.Create(coefficient));
}

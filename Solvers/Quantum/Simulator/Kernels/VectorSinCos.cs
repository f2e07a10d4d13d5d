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

    // fdlibm __kernel_sin / __kernel_cos coefficients for x ∈ [−π/4, π/4], and 1/k! for the short series.
    private static readonly double[] FullSin = [1, -1.66666666666666324348e-01, 8.33333333332248946124e-03, -1.98412698298579493134e-04, 2.75573137070700676789e-06, -2.50507602534068634195e-08, 1.58969099521155010221e-10];
    private static readonly double[] FullCos = [1, -0.5, 4.16666666666666019037e-02, -1.38888888888741095749e-03, 2.48015872894767294178e-05, -2.75573143513906633035e-07, 2.08757232129817482790e-09, -1.13596475577881948265e-11];
    private static readonly double[] ShortSin = [1, -1.0 / 6, 1.0 / 120, -1.0 / 5040, 1.0 / 362880];
    private static readonly double[] ShortCos = [1, -0.5, 1.0 / 24, -1.0 / 720, 1.0 / 40320];

    // Coefficients of t^(2k+1) and t^(2k) after substituting x = (π/2)·t; static readonly so the JIT embeds them.
    private static readonly Vector256<double> S0 = Turns(FullSin, 0, odd: true), S1 = Turns(FullSin, 1, odd: true), S2 = Turns(FullSin, 2, odd: true),
        S3 = Turns(FullSin, 3, odd: true), S4 = Turns(FullSin, 4, odd: true), S5 = Turns(FullSin, 5, odd: true), S6 = Turns(FullSin, 6, odd: true);

    private static readonly Vector256<double> C0 = Turns(FullCos, 0, odd: false), C1 = Turns(FullCos, 1, odd: false), C2 = Turns(FullCos, 2, odd: false),
        C3 = Turns(FullCos, 3, odd: false), C4 = Turns(FullCos, 4, odd: false), C5 = Turns(FullCos, 5, odd: false), C6 = Turns(FullCos, 6, odd: false),
        C7 = Turns(FullCos, 7, odd: false);

    private static readonly Vector256<double> ShortS0 = Turns(ShortSin, 0, odd: true), ShortS1 = Turns(ShortSin, 1, odd: true),
        ShortS2 = Turns(ShortSin, 2, odd: true), ShortS3 = Turns(ShortSin, 3, odd: true), ShortS4 = Turns(ShortSin, 4, odd: true);

    private static readonly Vector256<double> ShortC0 = Turns(ShortCos, 0, odd: false), ShortC1 = Turns(ShortCos, 1, odd: false),
        ShortC2 = Turns(ShortCos, 2, odd: false), ShortC3 = Turns(ShortCos, 3, odd: false), ShortC4 = Turns(ShortCos, 4, odd: false);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> Sin, Vector256<double> Cos) SinCosQuarterTurns(Vector256<double> t, bool fullPrecision)
    {
        var quadrant = Avx.RoundToNearestInteger(t);
        var r = Avx.Subtract(t, quadrant); // exact, |r| ≤ 1/2
        var r2 = Avx.Multiply(r, r);
        Vector256<double> s, c;
        if (fullPrecision)
        {
            s = Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(S6, r2, S5), r2, S4), r2, S3), r2, S2), r2, S1), r2, S0);
            c = Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(C7, r2, C6), r2, C5), r2, C4), r2, C3), r2, C2), r2, C1), r2, C0);
        }
        else
        {
            s = Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(ShortS4, r2, ShortS3), r2, ShortS2), r2, ShortS1), r2, ShortS0);
            c = Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(Fma.MultiplyAdd(ShortC4, r2, ShortC3), r2, ShortC2), r2, ShortC1), r2, ShortC0);
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

    private static Vector256<double> Turns(double[] coefficients, int k, bool odd) =>
        Vector256.Create(coefficients[k] * Math.Pow(Math.PI / 2, (2 * k) + (odd ? 1 : 0)));
}

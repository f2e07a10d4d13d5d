using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// exp(−iθ) for four angles at once, accurate to a few ulp (fdlibm's kernels after a Cody–Waite reduction by π/2).
/// The runtime's Vector256.SinCos is several times slower, and a QAOA cost layer needs one phase per amplitude at
/// memory speed. Valid for |θ| &lt; 2^40; beyond that the reduction loses accuracy.
/// </summary>
internal static class VectorSinCos
{
    private const double TwoOverPi = 0.63661977236758134308;
    private const double HalfPiHigh = 1.5707963267948966;        // π/2 rounded to double
    private const double HalfPiLow = 6.123233995736766e-17;      // π/2 − HalfPiHigh
    private const double RoundingMagic = 6755399441055744.0;     // 1.5·2^52: adding it leaves the integer in the low mantissa bits

    /// <summary>Returns exp(−iθ_k) interleaved as (re, im): angles 0–1 in the first vector, 2–3 in the second.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> Factors01, Vector256<double> Factors23) ExpMinusI(Vector256<double> theta)
    {
        var (sin, cos) = SinCos(theta);
        var negativeSin = Avx.Xor(sin, Vector256.Create(-0.0));
        var low = Avx.UnpackLow(cos, negativeSin);   // c0, −s0, c2, −s2
        var high = Avx.UnpackHigh(cos, negativeSin); // c1, −s1, c3, −s3
        return (Avx.Permute2x128(low, high, 0x20), Avx.Permute2x128(low, high, 0x31));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> Sin, Vector256<double> Cos) SinCos(Vector256<double> x)
    {
        var quadrant = Avx.RoundToNearestInteger(Avx.Multiply(x, Vector256.Create(TwoOverPi)));
        var r = Fma.MultiplyAddNegated(quadrant, Vector256.Create(HalfPiHigh), x);
        r = Fma.MultiplyAddNegated(quadrant, Vector256.Create(HalfPiLow), r);
        var r2 = Avx.Multiply(r, r);

        var s = Fma.MultiplyAdd(Vector256.Create(1.58969099521155010221e-10), r2, Vector256.Create(-2.50507602534068634195e-08));
        s = Fma.MultiplyAdd(s, r2, Vector256.Create(2.75573137070700676789e-06));
        s = Fma.MultiplyAdd(s, r2, Vector256.Create(-1.98412698298579493134e-04));
        s = Fma.MultiplyAdd(s, r2, Vector256.Create(8.33333333332248946124e-03));
        s = Fma.MultiplyAdd(s, r2, Vector256.Create(-1.66666666666666324348e-01));
        s = Fma.MultiplyAdd(Avx.Multiply(s, r2), r, r);

        var c = Fma.MultiplyAdd(Vector256.Create(-1.13596475577881948265e-11), r2, Vector256.Create(2.08757232129817482790e-09));
        c = Fma.MultiplyAdd(c, r2, Vector256.Create(-2.75573143513906633035e-07));
        c = Fma.MultiplyAdd(c, r2, Vector256.Create(2.48015872894767294178e-05));
        c = Fma.MultiplyAdd(c, r2, Vector256.Create(-1.38888888888741095749e-03));
        c = Fma.MultiplyAdd(c, r2, Vector256.Create(4.16666666666666019037e-02));
        c = Fma.MultiplyAdd(c, r2, Vector256.Create(-0.5));
        c = Fma.MultiplyAdd(c, r2, Vector256.Create(1.0));

        // Quadrant q mod 4 picks (s, c), (c, −s), (−s, −c) or (−c, s).
        var q = Avx.Add(quadrant, Vector256.Create(RoundingMagic)).AsInt64();
        var swap = Avx2.CompareEqual(Avx2.And(q, Vector256.Create(1L)), Vector256.Create(1L)).AsDouble();
        var sinSign = Avx2.ShiftLeftLogical(Avx2.And(q, Vector256.Create(2L)), 62).AsDouble();
        var cosSign = Avx2.ShiftLeftLogical(Avx2.And(Avx2.Add(q, Vector256.Create(1L)), Vector256.Create(2L)), 62).AsDouble();
        var sin = Avx.BlendVariable(s, c, swap);
        var cos = Avx.BlendVariable(c, s, swap);
        return (Avx.Xor(sin, sinSign), Avx.Xor(cos, cosSign));
    }
}

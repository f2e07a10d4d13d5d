using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>complex128 lanes: a Vector256 holds two amplitudes.</summary>
internal readonly unsafe struct DoubleLanes : IComplexLanes<double>
{
    public static int LaneBits => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SwapRealImaginary(Vector256<double> v) => Avx.Permute(v, 0b0101);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SwapPartners(Vector256<double> v, int qubit) => Avx.Permute2x128(v, v, 0x01);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) => Fma.MultiplyAdd(a, b, c);

    public static bool FullPrecisionPhases => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyByExpMinusI(double* amplitudes, Vector256<double> cos, Vector256<double> sin)
    {
        // (ar + i·ai)(c − i·s) = (ar·c + ai·s) + i(ai·c − ar·s): vfmsubadd adds in even (real) lanes, subtracts in odd ones.
        var first = Avx.LoadVector256(amplitudes);
        var second = Avx.LoadVector256(amplitudes + 4);
        var cos01 = Avx2.Permute4x64(cos, 0b01_01_00_00);
        var sin01 = Avx2.Permute4x64(sin, 0b01_01_00_00);
        var cos23 = Avx2.Permute4x64(cos, 0b11_11_10_10);
        var sin23 = Avx2.Permute4x64(sin, 0b11_11_10_10);
        Avx.Store(amplitudes, Fma.MultiplySubtractAdd(first, cos01, Avx.Multiply(SwapRealImaginary(first), sin01)));
        Avx.Store(amplitudes + 4, Fma.MultiplySubtractAdd(second, cos23, Avx.Multiply(SwapRealImaginary(second), sin23)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyByExpMinusI(double* amplitudes, Vector128<double> p0, Vector128<double> p1, Vector128<double> p2, Vector128<double> p3)
    {
        // The (cos, sin) pairs already sit beside their amplitudes' (re, im): in-lane duplicates suffice, no lane crossing.
        MultiplyByPairs(amplitudes, Vector256.Create(p0, p1));
        MultiplyByPairs(amplitudes + 4, Vector256.Create(p2, p3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SquaredMagnitudesFour(double* amplitudes)
    {
        var first = Avx.LoadVector256(amplitudes);
        var second = Avx.LoadVector256(amplitudes + 4);
        var sums = Avx.HorizontalAdd(Avx.Multiply(first, first), Avx.Multiply(second, second)); // |a0|², |a2|², |a1|², |a3|²
        return Avx2.Permute4x64(sums, 0b11_01_10_00);
    }

    /// <summary>Two amplitudes times (c − i·s) for the pairs (c0, s0, c1, s1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyByPairs(double* amplitudes, Vector256<double> pairs)
    {
        var value = Avx.LoadVector256(amplitudes);
        var cos = Avx.Permute(pairs, 0b0000);
        var sin = Avx.Permute(pairs, 0b1111);
        Avx.Store(amplitudes, Fma.MultiplySubtractAdd(value, cos, Avx.Multiply(SwapRealImaginary(value), sin)));
    }
}

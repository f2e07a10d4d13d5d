using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>complex64 lanes: a Vector256 holds four amplitudes.</summary>
internal readonly unsafe struct SingleLanes : IComplexLanes<float>
{
    public static int LaneBits => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SwapRealImaginary(Vector256<float> v) => Avx.Permute(v, 0b10_11_00_01);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SwapPartners(Vector256<float> v, int qubit) =>
        qubit == 0 ? Avx.Permute(v, 0b01_00_11_10) : Avx.Permute2x128(v, v, 0x01);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Fma.MultiplyAdd(a, b, c);

    public static bool FullPrecisionPhases => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyByExpMinusI(float* amplitudes, Vector128<double> p0, Vector128<double> p1, Vector128<double> p2, Vector128<double> p3)
    {
        var pairs02 = Vector256.Create(p0, p2); // c0 s0 c2 s2
        var pairs13 = Vector256.Create(p1, p3); // c1 s1 c3 s3
        MultiplyByExpMinusI(amplitudes, Avx.UnpackLow(pairs02, pairs13), Avx.UnpackHigh(pairs02, pairs13));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyByExpMinusI(float* amplitudes, Vector256<double> cos, Vector256<double> sin)
    {
        var duplicate = Vector256.Create(0, 0, 1, 1, 2, 2, 3, 3);
        var cosPairs = Avx2.PermuteVar8x32(Avx.ConvertToVector128Single(cos).ToVector256Unsafe(), duplicate);
        var sinPairs = Avx2.PermuteVar8x32(Avx.ConvertToVector128Single(sin).ToVector256Unsafe(), duplicate);
        var v = Avx.LoadVector256(amplitudes);
        Avx.Store(amplitudes, Fma.MultiplySubtractAdd(v, cosPairs, Avx.Multiply(SwapRealImaginary(v), sinPairs)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SquaredMagnitudesFour(float* amplitudes)
    {
        var v = Avx.LoadVector256(amplitudes);
        var squares = Avx.Multiply(v, v);
        var sums = Avx.HorizontalAdd(squares, squares); // per 128-bit half: |a0|², |a1|², |a0|², |a1|²
        var packed = Avx2.Permute4x64(sums.AsDouble(), 0b00_00_10_00).AsSingle().GetLower();
        return Avx.ConvertToVector256Double(packed);
    }
}

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ComplexMultiply(Vector256<double> a, Vector256<double> b)
    {
        // (ar·br − ai·bi, ai·br + ar·bi): vfmaddsub subtracts in even (real) lanes and adds in odd ones.
        var real = Avx.Permute(b, 0b0000);
        var imaginary = Avx.Permute(b, 0b1111);
        return Fma.MultiplyAddSubtract(a, real, Avx.Multiply(SwapRealImaginary(a), imaginary));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyFour(double* amplitudes, Vector256<double> factors01, Vector256<double> factors23)
    {
        Avx.Store(amplitudes, ComplexMultiply(Avx.LoadVector256(amplitudes), factors01));
        Avx.Store(amplitudes + 4, ComplexMultiply(Avx.LoadVector256(amplitudes + 4), factors23));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SquaredMagnitudesFour(double* amplitudes)
    {
        var first = Avx.LoadVector256(amplitudes);
        var second = Avx.LoadVector256(amplitudes + 4);
        var sums = Avx.HorizontalAdd(Avx.Multiply(first, first), Avx.Multiply(second, second)); // |a0|², |a2|², |a1|², |a3|²
        return Avx2.Permute4x64(sums, 0b11_01_10_00);
    }
}

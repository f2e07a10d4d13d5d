using System.Numerics;
using System.Runtime.CompilerServices;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>Plain complex arithmetic on one interleaved amplitude.</summary>
internal static unsafe class ScalarComplex<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>amplitude ·= (re + i·im), the factor given in double precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyInPlace(T* amplitude, double re, double im)
    {
        var ar = double.CreateTruncating(amplitude[0]);
        var ai = double.CreateTruncating(amplitude[1]);
        amplitude[0] = T.CreateTruncating((ar * re) - (ai * im));
        amplitude[1] = T.CreateTruncating((ar * im) + (ai * re));
    }

    /// <summary>|amplitude|² in double precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SquaredMagnitude(T* amplitude)
    {
        var re = double.CreateTruncating(amplitude[0]);
        var im = double.CreateTruncating(amplitude[1]);
        return (re * re) + (im * im);
    }
}

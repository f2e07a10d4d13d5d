using System.Numerics;
using System.Runtime.Intrinsics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>Builds coefficient vectors for interleaved complex lanes (set-up work, outside the hot loops).</summary>
internal static class LanePattern<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Per-amplitude multipliers as (real part broadcast, ±imaginary part) so that c·a = Re·a + Im·swap(a).</summary>
    public static (Vector256<T> Real, Vector256<T> SignedImaginary) Coefficients(Func<int, Complex> coefficientOfAmplitude)
    {
        Span<T> real = stackalloc T[Vector256<T>.Count];
        Span<T> imaginary = stackalloc T[Vector256<T>.Count];
        for (var lane = 0; lane < real.Length; lane++)
        {
            var c = coefficientOfAmplitude(lane / 2);
            real[lane] = T.CreateTruncating(c.Real);
            imaginary[lane] = T.CreateTruncating(lane % 2 == 0 ? -c.Imaginary : c.Imaginary);
        }

        return (Vector256.Create<T>(real), Vector256.Create<T>(imaginary));
    }

    /// <summary>The same complex coefficient in every amplitude.</summary>
    public static (Vector256<T> Real, Vector256<T> SignedImaginary) Uniform(Complex c) => Coefficients(_ => c);
}

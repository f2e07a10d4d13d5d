using System.Numerics;
using System.Runtime.Intrinsics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// The few shuffles and complex products whose AVX instructions differ between float and double lanes. Kernels are
/// written once over <typeparamref name="T"/> and specialised by the JIT through this struct-constrained interface.
/// Amplitudes are interleaved (re, im, re, im, …); a <see cref="Vector256{T}"/> holds 2^LaneBits amplitudes.
/// Only called when AVX2 and FMA are present.
/// </summary>
internal unsafe interface IComplexLanes<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>log2 of the amplitudes per vector: 1 for double, 2 for float.</summary>
    static abstract int LaneBits { get; }

    /// <summary>(re, im) → (im, re) in every amplitude.</summary>
    static abstract Vector256<T> SwapRealImaginary(Vector256<T> v);

    /// <summary>Exchanges each amplitude with its partner across in-register qubit <paramref name="qubit"/> (&lt; LaneBits).</summary>
    static abstract Vector256<T> SwapPartners(Vector256<T> v, int qubit);

    /// <summary>a·b + c, fused.</summary>
    static abstract Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c);

    /// <summary>Multiplies the four amplitudes at <paramref name="amplitudes"/> by cos_k − i·sin_k.</summary>
    static abstract void MultiplyByExpMinusI(T* amplitudes, Vector256<double> cos, Vector256<double> sin);

    /// <summary>
    /// Multiplies the four amplitudes at <paramref name="amplitudes"/> by cos_k − i·sin_k, each factor given as a
    /// (cos, sin) pair loaded from a phase table.
    /// </summary>
    static abstract void MultiplyByExpMinusI(T* amplitudes, Vector128<double> p0, Vector128<double> p1, Vector128<double> p2, Vector128<double> p3);

    /// <summary>Whether phases need full double accuracy (complex128) or 3e-8 suffices (complex64).</summary>
    static abstract bool FullPrecisionPhases { get; }

    /// <summary>|a|² of the four amplitudes at <paramref name="amplitudes"/>, in order, as doubles.</summary>
    static abstract Vector256<double> SquaredMagnitudesFour(T* amplitudes);
}

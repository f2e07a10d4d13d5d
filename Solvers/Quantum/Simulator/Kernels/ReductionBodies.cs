using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// Σ |a_k|²·weight[k] over groups of four amplitudes (weight = 1 when no weights are given): the norm and a diagonal
/// observable's expectation, vectorised. Unit: four amplitudes.
/// </summary>
internal readonly unsafe struct VectorWeightedNormBody<T, TLanes> : IReductionBody<double>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : struct, IComplexLanes<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly double* _weights;

    public VectorWeightedNormBody(AmplitudeLayout<T> amplitudes, double* weights)
    {
        _amplitudes = amplitudes;
        _weights = weights;
    }

    public static nint Units(int qubits) => (nint)1 << (qubits - 2);

    /// <remarks>Fully optimised from the first call: each pass is one long loop run a few times, which tiered
    /// compilation would otherwise leave in on-stack-replacement code for the first 30 calls.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Execute(nint start, nint end)
    {
        var sum = Vector256<double>.Zero;
        var data = _amplitudes.SegmentBase(start << 2);
        for (var p = start; p < end; p++)
        {
            var magnitudes = TLanes.SquaredMagnitudesFour(data + (p << 3));
            sum = _weights is null ? sum + magnitudes : Vector256.FusedMultiplyAdd(magnitudes, Vector256.Load(_weights + (p << 2)), sum);
        }

        return Vector256.Sum(sum);
    }
}

/// <summary>Portable Σ |a_k|²·weight[k] (weight = 1 when none). Unit: one amplitude.</summary>
internal readonly unsafe struct ScalarWeightedNormBody<T> : IReductionBody<double>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly double* _weights;

    public ScalarWeightedNormBody(AmplitudeLayout<T> amplitudes, double* weights)
    {
        _amplitudes = amplitudes;
        _weights = weights;
    }

    public double Execute(nint start, nint end)
    {
        var sum = 0.0;
        var data = _amplitudes.SegmentBase(start);
        for (var k = start; k < end; k++)
        {
            var magnitude = ScalarComplex<T>.SquaredMagnitude(data + (k << 1));
            sum += _weights is null ? magnitude : magnitude * _weights[k];
        }

        return sum;
    }
}

/// <summary>Σ |a_k|² over the amplitudes whose bit <c>qubit</c> is 1. Unit: one amplitude pair.</summary>
internal readonly unsafe struct QubitOneProbabilityBody<T> : IReductionBody<double>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly int _qubit;

    public QubitOneProbabilityBody(AmplitudeLayout<T> amplitudes, int qubit)
    {
        _amplitudes = amplitudes;
        _qubit = qubit;
    }

    public double Execute(nint start, nint end)
    {
        var sum = 0.0;
        for (var p = start; p < end; p++)
        {
            sum += ScalarComplex<T>.SquaredMagnitude(_amplitudes.At(BitIndex.InsertZero(p, _qubit) | ((nint)1 << _qubit)));
        }

        return sum;
    }
}

/// <summary>⟨left|right⟩ = Σ conj(l_k)·r_k in double precision. Unit: one amplitude.</summary>
internal readonly unsafe struct InnerProductBody<T> : IReductionBody<Complex>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AmplitudeLayout<T> _left;
    private readonly AmplitudeLayout<T> _right;

    /// <remarks>Each state is addressed through its own layout, amplitude by amplitude (layouts may differ in tests).</remarks>
    public InnerProductBody(AmplitudeLayout<T> left, AmplitudeLayout<T> right)
    {
        _left = left;
        _right = right;
    }

    public Complex Execute(nint start, nint end)
    {
        double re = 0, im = 0;
        for (var k = start; k < end; k++)
        {
            var left = _left.At(k);
            var right = _right.At(k);
            var lr = double.CreateTruncating(left[0]);
            var li = double.CreateTruncating(left[1]);
            var rr = double.CreateTruncating(right[0]);
            var ri = double.CreateTruncating(right[1]);
            re += (lr * rr) + (li * ri);
            im += (lr * ri) - (li * rr);
        }

        return new Complex(re, im);
    }
}

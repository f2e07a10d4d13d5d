using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>Σ |a_k|²·values[index[k]] for a tabulated cost vector, four amplitudes at a time. Unit: four amplitudes.</summary>
internal readonly unsafe struct VectorTableExpectationBody<T, TLanes, TIndex> : IReductionBody<double>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : struct, IComplexLanes<T>
    where TIndex : struct, ICostIndex
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly void* _indices;
    private readonly double* _values;

    public VectorTableExpectationBody(AmplitudeLayout<T> amplitudes, void* indices, double* values)
    {
        _amplitudes = amplitudes;
        _indices = indices;
        _values = values;
    }

    public static nint Units(int qubits) => (nint)1 << (qubits - 2);

    /// <remarks>Fully optimised from the first call, like every long single-loop pass (see VectorWeightedNormBody).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Execute(nint start, nint end)
    {
        var sum = Vector256<double>.Zero;
        var data = _amplitudes.SegmentBase(start << 2);
        for (var p = start; p < end; p++)
        {
            var costs = Avx2.GatherVector256(_values, TIndex.LoadFour(_indices, p << 2), 8);
            sum = Vector256.FusedMultiplyAdd(TLanes.SquaredMagnitudesFour(data + (p << 3)), costs, sum);
        }

        return Vector256.Sum(sum);
    }
}

/// <summary>Portable Σ |a_k|²·values[index[k]]. Unit: one amplitude.</summary>
internal readonly unsafe struct ScalarTableExpectationBody<T, TIndex> : IReductionBody<double>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TIndex : struct, ICostIndex
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly void* _indices;
    private readonly double* _values;

    public ScalarTableExpectationBody(AmplitudeLayout<T> amplitudes, void* indices, double* values)
    {
        _amplitudes = amplitudes;
        _indices = indices;
        _values = values;
    }

    public double Execute(nint start, nint end)
    {
        var sum = 0.0;
        var data = _amplitudes.SegmentBase(start);
        for (var k = start; k < end; k++)
        {
            sum += ScalarComplex<T>.SquaredMagnitude(data + (k << 1)) * _values[TIndex.Load(_indices, k)];
        }

        return sum;
    }
}

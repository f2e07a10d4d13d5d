using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>amplitude[k] ·= exp(−iγ·cost[k]) with vector phases. Unit: four amplitudes.</summary>
internal readonly unsafe struct VectorCostPhaseBody<T, TLanes> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : struct, IComplexLanes<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly double* _cost;
    private readonly double _gamma;

    public VectorCostPhaseBody(AmplitudeLayout<T> amplitudes, double* cost, double gamma)
    {
        _amplitudes = amplitudes;
        _cost = cost;
        _gamma = gamma;
    }

    public static nint Units(int qubits) => (nint)1 << (qubits - 2);

    /// <remarks>Fully optimised from the first call: each pass is one long loop run a few times, which tiered
    /// compilation would otherwise leave in on-stack-replacement code for the first 30 calls.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(nint start, nint end)
    {
        var data = _amplitudes.SegmentBase(start << 2);
        var cost = _cost;
        var quarterTurnsPerCost = Vector256.Create(_gamma * VectorSinCos.QuarterTurnsPerRadian);
        for (var p = start; p < end; p++)
        {
            var (sin, cos) = VectorSinCos.SinCosQuarterTurns(Vector256.Load(cost + (p << 2)) * quarterTurnsPerCost, TLanes.FullPrecisionPhases);
            TLanes.MultiplyByExpMinusI(data + (p << 3), cos, sin);
        }
    }
}

/// <summary>Portable amplitude[k] ·= exp(−iγ·cost[k]). Unit: one amplitude.</summary>
internal readonly unsafe struct ScalarCostPhaseBody<T> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly double* _cost;
    private readonly double _gamma;

    public ScalarCostPhaseBody(AmplitudeLayout<T> amplitudes, double* cost, double gamma)
    {
        _amplitudes = amplitudes;
        _cost = cost;
        _gamma = gamma;
    }

    public void Execute(nint start, nint end)
    {
        var data = _amplitudes.SegmentBase(start);
        for (var k = start; k < end; k++)
        {
            var (sin, cos) = Math.SinCos(_gamma * _cost[k]);
            ScalarComplex<T>.MultiplyInPlace(data + (k << 1), cos, -sin);
        }
    }
}

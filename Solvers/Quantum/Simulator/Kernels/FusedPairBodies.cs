using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// Two single-qubit gates on qubits a &lt; b applied in one pass (one read and one write of the state instead of two):
/// the mixer layer's workhorse. Handles both qubits in-register, a in-register with b across vectors, and both
/// across vectors. Unit: one vector (both in-register), a pair of vectors, or a quadruple of vectors.
/// </summary>
internal readonly unsafe struct FusedPairBody<T, TLanes, TShape> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : struct, IComplexLanes<T>
    where TShape : struct, IMatrixShape
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly int _a;
    private readonly int _b;
    private readonly InRegisterStage<T, TLanes, TShape> _inRegisterA;
    private readonly InRegisterStage<T, TLanes, TShape> _inRegisterB;
    private readonly CrossStage<T, TLanes, TShape> _crossA;
    private readonly CrossStage<T, TLanes, TShape> _crossB;

    public FusedPairBody(AmplitudeLayout<T> amplitudes, int a, SingleQubitMatrix ua, int b, SingleQubitMatrix ub)
    {
        _amplitudes = amplitudes;
        _a = a;
        _b = b;
        var laneBits = TLanes.LaneBits;
        _inRegisterA = a < laneBits ? new InRegisterStage<T, TLanes, TShape>(ua, a) : default;
        _inRegisterB = b < laneBits ? new InRegisterStage<T, TLanes, TShape>(ub, b) : default;
        _crossA = a >= laneBits ? new CrossStage<T, TLanes, TShape>(ua) : default;
        _crossB = b >= laneBits ? new CrossStage<T, TLanes, TShape>(ub) : default;
    }

    public nint Units(int qubits) =>
        (nint)1 << (qubits - TLanes.LaneBits - (_b >= TLanes.LaneBits ? 1 : 0) - (_a >= TLanes.LaneBits ? 1 : 0));

    /// <remarks>Fully optimised from the first call: each pass is one long loop run a few times, which tiered
    /// compilation would otherwise leave in on-stack-replacement code for the first 30 calls.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(nint start, nint end)
    {
        var laneBits = TLanes.LaneBits;
        var (a, b) = (_a, _b);
        if (b < laneBits)
        {
            var data = _amplitudes.SegmentBase(start << laneBits);
            var (stageA, stageB) = (_inRegisterA, _inRegisterB);
            for (var p = start; p < end; p++)
            {
                var at = data + (p << (laneBits + 1));
                stageB.Apply(stageA.Apply(Vector256.Load(at))).Store(at);
            }
        }
        else if (a < laneBits)
        {
            var data = _amplitudes.SegmentBase(BitIndex.InsertZero(start << laneBits, b));
            var strideB = _amplitudes.PartnerOffset(b);
            var (stageA, stageB) = (_inRegisterA, _crossB);
            for (var p = start; p < end; p++)
            {
                var p0 = data + (BitIndex.InsertZero(p << laneBits, b) << 1);
                var p1 = p0 + strideB;
                var v0 = stageA.Apply(Vector256.Load(p0));
                var v1 = stageA.Apply(Vector256.Load(p1));
                stageB.Apply(ref v0, ref v1);
                v0.Store(p0);
                v1.Store(p1);
            }
        }
        else
        {
            var data = _amplitudes.SegmentBase(BitIndex.InsertZeros(start << laneBits, a, b));
            var strideA = _amplitudes.PartnerOffset(a);
            var strideB = _amplitudes.PartnerOffset(b);
            var (stageA, stageB) = (_crossA, _crossB);
            for (var p = start; p < end; p++)
            {
                var p00 = data + (BitIndex.InsertZeros(p << laneBits, a, b) << 1);
                var p01 = p00 + strideA;
                var p10 = p00 + strideB;
                var p11 = p10 + strideA;
                var v00 = Vector256.Load(p00);
                var v01 = Vector256.Load(p01);
                var v10 = Vector256.Load(p10);
                var v11 = Vector256.Load(p11);
                stageA.Apply(ref v00, ref v01);
                stageA.Apply(ref v10, ref v11);
                stageB.Apply(ref v00, ref v10);
                stageB.Apply(ref v01, ref v11);
                v00.Store(p00);
                v01.Store(p01);
                v10.Store(p10);
                v11.Store(p11);
            }
        }
    }
}

using System.Numerics;
using System.Runtime.Intrinsics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// Two single-qubit gates on qubits a &lt; b applied in one pass (one read and one write of the state instead of two):
/// the mixer layer's workhorse. Handles both qubits in-register, a in-register with b across vectors, and both
/// across vectors. Unit: one vector (both in-register), a pair of vectors, or a quadruple of vectors.
/// </summary>
internal readonly unsafe struct FusedPairBody<T, TLanes> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : struct, IComplexLanes<T>
{
    private readonly T* _data;
    private readonly int _a;
    private readonly int _b;
    private readonly InRegisterStage<T, TLanes> _inRegisterA;
    private readonly InRegisterStage<T, TLanes> _inRegisterB;
    private readonly CrossStage<T, TLanes> _crossA;
    private readonly CrossStage<T, TLanes> _crossB;

    public FusedPairBody(T* data, int a, SingleQubitMatrix ua, int b, SingleQubitMatrix ub)
    {
        _data = data;
        _a = a;
        _b = b;
        var laneBits = TLanes.LaneBits;
        _inRegisterA = a < laneBits ? new InRegisterStage<T, TLanes>(ua, a) : default;
        _inRegisterB = b < laneBits ? new InRegisterStage<T, TLanes>(ub, b) : default;
        _crossA = a >= laneBits ? new CrossStage<T, TLanes>(ua) : default;
        _crossB = b >= laneBits ? new CrossStage<T, TLanes>(ub) : default;
    }

    public nint Units(int qubits) =>
        (nint)1 << (qubits - TLanes.LaneBits - (_b >= TLanes.LaneBits ? 1 : 0) - (_a >= TLanes.LaneBits ? 1 : 0));

    public void Execute(nint start, nint end)
    {
        var laneBits = TLanes.LaneBits;
        if (_b < laneBits)
        {
            for (var p = start; p < end; p++)
            {
                var at = _data + (p << (laneBits + 1));
                _inRegisterB.Apply(_inRegisterA.Apply(Vector256.Load(at))).Store(at);
            }
        }
        else if (_a < laneBits)
        {
            var strideB = (nint)2 << _b;
            for (var p = start; p < end; p++)
            {
                var p0 = _data + (BitIndex.InsertZero(p << laneBits, _b) << 1);
                var p1 = p0 + strideB;
                var v0 = _inRegisterA.Apply(Vector256.Load(p0));
                var v1 = _inRegisterA.Apply(Vector256.Load(p1));
                _crossB.Apply(ref v0, ref v1);
                v0.Store(p0);
                v1.Store(p1);
            }
        }
        else
        {
            var strideA = (nint)2 << _a;
            var strideB = (nint)2 << _b;
            for (var p = start; p < end; p++)
            {
                var p00 = _data + (BitIndex.InsertZeros(p << laneBits, _a, _b) << 1);
                var p01 = p00 + strideA;
                var p10 = p00 + strideB;
                var p11 = p10 + strideA;
                var v00 = Vector256.Load(p00);
                var v01 = Vector256.Load(p01);
                var v10 = Vector256.Load(p10);
                var v11 = Vector256.Load(p11);
                _crossA.Apply(ref v00, ref v01);
                _crossA.Apply(ref v10, ref v11);
                _crossB.Apply(ref v00, ref v10);
                _crossB.Apply(ref v01, ref v11);
                v00.Store(p00);
                v01.Store(p01);
                v10.Store(p10);
                v11.Store(p11);
            }
        }
    }
}

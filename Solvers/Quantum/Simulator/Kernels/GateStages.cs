using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// One single-qubit butterfly between two vectors that hold partner amplitudes in the same lanes (target qubit at or
/// above LaneBits): (v0, v1) ← (u00·v0 + u01·v1, u10·v0 + u11·v1).
/// </summary>
internal readonly struct CrossStage<T, TLanes, TShape>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : struct, IComplexLanes<T>
    where TShape : struct, IMatrixShape
{
    private readonly Vector256<T> _r00, _i00, _r01, _i01, _r10, _i10, _r11, _i11;

    public CrossStage(SingleQubitMatrix u)
    {
        (_r00, _i00) = LanePattern<T>.Uniform(u.M00);
        (_r01, _i01) = LanePattern<T>.Uniform(u.M01);
        (_r10, _i10) = LanePattern<T>.Uniform(u.M10);
        (_r11, _i11) = LanePattern<T>.Uniform(u.M11);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(ref Vector256<T> v0, ref Vector256<T> v1)
    {
        Vector256<T> o0 = _r00 * v0, o1 = _r11 * v1;
        if (TShape.ImaginaryDiagonal)
        {
            o0 = TLanes.MultiplyAdd(_i00, TLanes.SwapRealImaginary(v0), o0);
            o1 = TLanes.MultiplyAdd(_i11, TLanes.SwapRealImaginary(v1), o1);
        }

        if (TShape.RealOffDiagonal)
        {
            o0 = TLanes.MultiplyAdd(_r01, v1, o0);
            o1 = TLanes.MultiplyAdd(_r10, v0, o1);
        }

        if (TShape.ImaginaryOffDiagonal)
        {
            o0 = TLanes.MultiplyAdd(_i01, TLanes.SwapRealImaginary(v1), o0);
            o1 = TLanes.MultiplyAdd(_i10, TLanes.SwapRealImaginary(v0), o1);
        }

        v0 = o0;
        v1 = o1;
    }
}

/// <summary>
/// One single-qubit butterfly inside a vector (target qubit below LaneBits): each amplitude meets its partner
/// through a permute, with per-lane coefficients (u00, u01 where the target bit is 0; u11, u10 where it is 1).
/// </summary>
internal readonly struct InRegisterStage<T, TLanes, TShape>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : struct, IComplexLanes<T>
    where TShape : struct, IMatrixShape
{
    private readonly Vector256<T> _selfReal, _selfImaginary, _partnerReal, _partnerImaginary;
    private readonly int _qubit;

    public InRegisterStage(SingleQubitMatrix u, int qubit)
    {
        _qubit = qubit;
        (_selfReal, _selfImaginary) = LanePattern<T>.Coefficients(a => (a >> qubit & 1) == 0 ? u.M00 : u.M11);
        (_partnerReal, _partnerImaginary) = LanePattern<T>.Coefficients(a => (a >> qubit & 1) == 0 ? u.M01 : u.M10);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<T> Apply(Vector256<T> v)
    {
        var partner = TLanes.SwapPartners(v, _qubit);
        var sum = _selfReal * v;
        if (TShape.ImaginaryDiagonal)
        {
            sum = TLanes.MultiplyAdd(_selfImaginary, TLanes.SwapRealImaginary(v), sum);
        }

        if (TShape.RealOffDiagonal)
        {
            sum = TLanes.MultiplyAdd(_partnerReal, partner, sum);
        }

        if (TShape.ImaginaryOffDiagonal)
        {
            sum = TLanes.MultiplyAdd(_partnerImaginary, TLanes.SwapRealImaginary(partner), sum);
        }

        return sum;
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>A 2×2 complex matrix in the state's precision, applied to one amplitude pair by plain arithmetic.</summary>
internal readonly unsafe struct ScalarMatrix<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _r00, _i00, _r01, _i01, _r10, _i10, _r11, _i11;

    public ScalarMatrix(SingleQubitMatrix u)
    {
        (_r00, _i00) = (T.CreateTruncating(u.M00.Real), T.CreateTruncating(u.M00.Imaginary));
        (_r01, _i01) = (T.CreateTruncating(u.M01.Real), T.CreateTruncating(u.M01.Imaginary));
        (_r10, _i10) = (T.CreateTruncating(u.M10.Real), T.CreateTruncating(u.M10.Imaginary));
        (_r11, _i11) = (T.CreateTruncating(u.M11.Real), T.CreateTruncating(u.M11.Imaginary));
    }

    /// <summary>(a0, a1) ← (u00·a0 + u01·a1, u10·a0 + u11·a1); each pointer addresses an interleaved (re, im) amplitude.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(T* a0, T* a1)
    {
        T re0 = a0[0], im0 = a0[1], re1 = a1[0], im1 = a1[1];
        a0[0] = (_r00 * re0) - (_i00 * im0) + (_r01 * re1) - (_i01 * im1);
        a0[1] = (_r00 * im0) + (_i00 * re0) + (_r01 * im1) + (_i01 * re1);
        a1[0] = (_r10 * re0) - (_i10 * im0) + (_r11 * re1) - (_i11 * im1);
        a1[1] = (_r10 * im0) + (_i10 * re0) + (_r11 * im1) + (_i11 * re1);
    }
}

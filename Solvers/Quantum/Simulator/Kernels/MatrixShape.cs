namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// Which parts of a 2×2 matrix are non-zero, as a type parameter so the JIT drops the products with zeros from
/// the gate kernels: H, RY and X are real; RX and Y have a real diagonal and an imaginary off-diagonal. On a fast
/// memory system a general complex gate is close to compute-bound with one core, so this matters.
/// </summary>
internal interface IMatrixShape
{
    static abstract bool ImaginaryDiagonal { get; }

    static abstract bool RealOffDiagonal { get; }

    static abstract bool ImaginaryOffDiagonal { get; }
}

internal readonly struct GeneralShape : IMatrixShape
{
    public static bool ImaginaryDiagonal => true;

    public static bool RealOffDiagonal => true;

    public static bool ImaginaryOffDiagonal => true;
}

internal readonly struct RealShape : IMatrixShape
{
    public static bool ImaginaryDiagonal => false;

    public static bool RealOffDiagonal => true;

    public static bool ImaginaryOffDiagonal => false;
}

/// <summary>Real diagonal, imaginary off-diagonal: RX(θ), Y.</summary>
internal readonly struct RotationXShape : IMatrixShape
{
    public static bool ImaginaryDiagonal => false;

    public static bool RealOffDiagonal => false;

    public static bool ImaginaryOffDiagonal => true;
}

internal enum MatrixShapeKind
{
    General,
    Real,
    RotationX,
}

internal static class MatrixShape
{
    public static MatrixShapeKind Of(SingleQubitMatrix u)
    {
        var imaginaryDiagonal = u.M00.Imaginary != 0 || u.M11.Imaginary != 0;
        var realOffDiagonal = u.M01.Real != 0 || u.M10.Real != 0;
        var imaginaryOffDiagonal = u.M01.Imaginary != 0 || u.M10.Imaginary != 0;
        return imaginaryDiagonal ? MatrixShapeKind.General
            : !imaginaryOffDiagonal ? MatrixShapeKind.Real
            : !realOffDiagonal ? MatrixShapeKind.RotationX
            : MatrixShapeKind.General;
    }

    /// <summary>The shape that covers both matrices (for a fused pair).</summary>
    public static MatrixShapeKind Of(SingleQubitMatrix a, SingleQubitMatrix b)
    {
        var (first, second) = (Of(a), Of(b));
        return first == second ? first : MatrixShapeKind.General;
    }
}

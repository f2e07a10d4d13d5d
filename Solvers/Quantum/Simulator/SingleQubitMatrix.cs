using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator;

/// <summary>
/// A 2×2 matrix acting on one qubit: row 0 gives the new |0⟩ amplitude, row 1 the new |1⟩ amplitude.
/// </summary>
public readonly record struct SingleQubitMatrix(Complex M00, Complex M01, Complex M10, Complex M11)
{
    /// <summary>Product <c>this · other</c> (apply <paramref name="other"/> first).</summary>
    public SingleQubitMatrix Multiply(SingleQubitMatrix other) => new(
        (M00 * other.M00) + (M01 * other.M10),
        (M00 * other.M01) + (M01 * other.M11),
        (M10 * other.M00) + (M11 * other.M10),
        (M10 * other.M01) + (M11 * other.M11));

    /// <summary>Conjugate transpose.</summary>
    public SingleQubitMatrix Adjoint() => new(
        Complex.Conjugate(M00), Complex.Conjugate(M10), Complex.Conjugate(M01), Complex.Conjugate(M11));

    /// <summary>Whether U†U is the identity within <paramref name="tolerance"/>.</summary>
    public bool IsUnitary(double tolerance = 1e-9)
    {
        var p = Adjoint().Multiply(this);
        return Complex.Abs(p.M00 - 1) <= tolerance && Complex.Abs(p.M11 - 1) <= tolerance
            && Complex.Abs(p.M01) <= tolerance && Complex.Abs(p.M10) <= tolerance;
    }
}

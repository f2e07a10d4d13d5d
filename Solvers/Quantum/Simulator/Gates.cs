using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator;

/// <summary>The standard single-qubit gates as matrices (rotations follow R_P(θ) = exp(−iθP/2)).</summary>
public static class Gates
{
    private static readonly double InvSqrt2 = 1 / Math.Sqrt(2);

    public static SingleQubitMatrix Identity { get; } = new(1, 0, 0, 1);

    public static SingleQubitMatrix H { get; } = new(InvSqrt2, InvSqrt2, InvSqrt2, -InvSqrt2);

    public static SingleQubitMatrix X { get; } = new(0, 1, 1, 0);

    public static SingleQubitMatrix Y { get; } = new(0, -Complex.ImaginaryOne, Complex.ImaginaryOne, 0);

    public static SingleQubitMatrix Z { get; } = new(1, 0, 0, -1);

    public static SingleQubitMatrix S { get; } = Phase(Math.PI / 2);

    public static SingleQubitMatrix SAdjoint { get; } = Phase(-Math.PI / 2);

    public static SingleQubitMatrix T { get; } = Phase(Math.PI / 4);

    public static SingleQubitMatrix TAdjoint { get; } = Phase(-Math.PI / 4);

    /// <summary>exp(−iθX/2).</summary>
    public static SingleQubitMatrix Rx(double theta)
    {
        var c = Math.Cos(theta / 2);
        var s = Math.Sin(theta / 2);
        return new(c, new Complex(0, -s), new Complex(0, -s), c);
    }

    /// <summary>exp(−iθY/2).</summary>
    public static SingleQubitMatrix Ry(double theta)
    {
        var c = Math.Cos(theta / 2);
        var s = Math.Sin(theta / 2);
        return new(c, -s, s, c);
    }

    /// <summary>exp(−iθZ/2) = diag(e^{−iθ/2}, e^{iθ/2}).</summary>
    public static SingleQubitMatrix Rz(double theta) =>
        new(Complex.FromPolarCoordinates(1, -theta / 2), 0, 0, Complex.FromPolarCoordinates(1, theta / 2));

    /// <summary>diag(1, e^{iφ}).</summary>
    public static SingleQubitMatrix Phase(double phi) => new(1, 0, 0, Complex.FromPolarCoordinates(1, phi));
}

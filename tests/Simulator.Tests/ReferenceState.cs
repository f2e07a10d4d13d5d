using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

/// <summary>
/// The naive simulator the real one is checked against: a managed Complex array, every gate a straightforward loop
/// over all basis states, no SIMD, no threads, no index tricks.
/// </summary>
internal sealed class ReferenceState
{
    public ReferenceState(int qubits)
    {
        Qubits = qubits;
        Amplitudes = new Complex[1 << qubits];
        Amplitudes[0] = 1;
    }

    public int Qubits { get; }

    public Complex[] Amplitudes { get; }

    public void Apply(SingleQubitMatrix u, int target) => ApplyControlled(u, control: -1, target);

    /// <summary>With control = −1 the gate is unconditional.</summary>
    public void ApplyControlled(SingleQubitMatrix u, int control, int target)
    {
        var next = (Complex[])Amplitudes.Clone();
        for (var k = 0; k < Amplitudes.Length; k++)
        {
            if (control >= 0 && (k >> control & 1) == 0)
            {
                continue;
            }

            var bit = k >> target & 1;
            var zero = k & ~(1 << target);
            var one = k | (1 << target);
            next[k] = bit == 0
                ? (u.M00 * Amplitudes[zero]) + (u.M01 * Amplitudes[one])
                : (u.M10 * Amplitudes[zero]) + (u.M11 * Amplitudes[one]);
        }

        next.CopyTo(Amplitudes, 0);
    }

    public void Swap(int a, int b)
    {
        var next = new Complex[Amplitudes.Length];
        for (var k = 0; k < Amplitudes.Length; k++)
        {
            var bitA = k >> a & 1;
            var bitB = k >> b & 1;
            var swapped = (k & ~(1 << a) & ~(1 << b)) | (bitA << b) | (bitB << a);
            next[swapped] = Amplitudes[k];
        }

        next.CopyTo(Amplitudes, 0);
    }

    public void MultiplyDiagonal(Func<int, Complex> factor)
    {
        for (var k = 0; k < Amplitudes.Length; k++)
        {
            Amplitudes[k] *= factor(k);
        }
    }

    public static bool Bit(int k, int qubit) => (k >> qubit & 1) == 1;
}

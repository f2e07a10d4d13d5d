using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

public class AnalyticStateTests
{
    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Bell_state(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        using var state = flavour.Create(3);
        state.H(0);
        state.Cnot(0, 1);
        var expected = new Complex[8];
        expected[0] = expected[3] = 1 / Math.Sqrt(2);
        StateAssert.Close(expected, state, flavour.Tolerance);
    }

    public static IEnumerable<object[]> GhzCases() =>
        from row in Flavour.All
        from qubits in new[] { 2, 3, 4, 7, 12 }
        select new[] { row[0], row[1], qubits };

    [Theory]
    [MemberData(nameof(GhzCases))]
    public void Ghz_state(StatePrecision precision, bool simd, int qubits)
    {
        var flavour = new Flavour(precision, simd);
        using var state = flavour.Create(qubits);
        state.H(0);
        for (var q = 1; q < qubits; q++)
        {
            state.Cnot(q - 1, q);
        }

        var expected = new Complex[1 << qubits];
        expected[0] = expected[^1] = 1 / Math.Sqrt(2);
        StateAssert.Close(expected, state, flavour.Tolerance, $"GHZ({qubits}):");
    }

    public static IEnumerable<object[]> QftCases() =>
        from row in Flavour.All
        from qubits in new[] { 3, 6, 9 }
        select new[] { row[0], row[1], qubits };

    [Theory]
    [MemberData(nameof(QftCases))]
    public void Qft_of_basis_states_is_the_discrete_fourier_transform(StatePrecision precision, bool simd, int qubits)
    {
        var flavour = new Flavour(precision, simd);
        var size = 1 << qubits;
        using var state = flavour.Create(qubits);
        foreach (var j in new[] { 0, 1, size / 3, size - 1 })
        {
            state.Reset(j);
            Qft(state);
            var expected = Enumerable.Range(0, size)
                .Select(k => Complex.FromPolarCoordinates(1 / Math.Sqrt(size), 2 * Math.PI * j * k / size))
                .ToArray();
            StateAssert.Close(expected, state, flavour.Tolerance, $"QFT|{j}⟩ on {qubits} qubits:");
        }
    }

    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Uniform_superposition_and_mixer_at_zero_angle(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        using var state = flavour.Create(6);
        state.PrepareUniformSuperposition();
        state.ApplyMixer(0);
        StateAssert.Close(Enumerable.Repeat(new Complex(0.125, 0), 64).ToArray(), state, flavour.Tolerance);
    }

    /// <summary>Textbook QFT (qubit n−1 most significant): H and controlled phases, then reversal of the qubit order.</summary>
    private static void Qft(QuantumState state)
    {
        var n = state.Qubits;
        for (var q = n - 1; q >= 0; q--)
        {
            state.H(q);
            for (var m = q - 1; m >= 0; m--)
            {
                state.ControlledPhase(m, q, Math.PI / (1 << (q - m)));
            }
        }

        for (var q = 0; q < n / 2; q++)
        {
            state.Swap(q, n - 1 - q);
        }
    }
}

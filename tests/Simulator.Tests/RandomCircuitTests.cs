namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

public class RandomCircuitTests
{
    public static IEnumerable<object[]> Cases() =>
        from row in Flavour.All
        from qubits in new[] { 3, 5, 8, 12 }
        select new[] { row[0], row[1], qubits };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Random_circuit_matches_the_naive_reference(StatePrecision precision, bool simd, int qubits)
    {
        var flavour = new Flavour(precision, simd);
        var random = new Random(1000 + qubits);
        using var state = flavour.Create(qubits, threads: 2);
        var reference = new ReferenceState(qubits);
        RandomCircuit.Run(state, reference, random, steps: qubits >= 12 ? 120 : 300);
        StateAssert.Close(reference.Amplitudes, state, flavour.Tolerance, $"{flavour}, {qubits} qubits:");
    }

    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Long_random_circuit_preserves_the_norm(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        using var state = flavour.Create(10);
        var reference = new ReferenceState(10);
        RandomCircuit.Run(state, reference, new Random(5), steps: 3000);
        StateAssert.Close(1.0, state.Norm(), precision == StatePrecision.Complex128 ? 1e-12 : 1e-4, "norm after 3000 gates");
    }
}

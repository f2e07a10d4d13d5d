namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

public class ThreadingTests
{
    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Multi_threaded_results_are_bitwise_equal_to_single_threaded(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        const int qubits = 16; // several parallel chunks for every kind of pass
        using var single = flavour.Create(qubits, threads: 1);
        using var multi = flavour.Create(qubits, threads: 4);
        RandomCircuit.Run(single, new ReferenceState(qubits), new Random(77), steps: 40);
        RandomCircuit.Run(multi, new ReferenceState(qubits), new Random(77), steps: 40);

        Assert.Equal(single.ToArray(), multi.ToArray());
        Assert.Equal(single.SquaredNorm(), multi.SquaredNorm());
        using var cost = CostVector.FromQubo(RandomCircuit.RandomQubo(qubits, new Random(1)));
        Assert.Equal(single.Expectation(cost), multi.Expectation(cost));
    }
}

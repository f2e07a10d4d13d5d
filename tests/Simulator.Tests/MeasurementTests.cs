using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

public class MeasurementTests
{
    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Expectation_equals_sum_of_probability_times_cost(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        var random = new Random(3);
        using var state = flavour.Create(9);
        RandomCircuit.Scramble(random, state);
        var qubo = RandomCircuit.RandomQubo(9, random);
        using var cost = CostVector.FromQubo(qubo);

        var probabilities = state.Probabilities();
        var expected = probabilities.Select((p, k) => p * qubo.Evaluate(k)).Sum();
        StateAssert.Close(expected, state.Expectation(cost), flavour.Tolerance * 10, "expectation");
        StateAssert.Close(1, probabilities.Sum(), flavour.Tolerance, "total probability");
        StateAssert.Close(probabilities.Sum(), state.SquaredNorm(), flavour.Tolerance, "squared norm");
    }

    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Sampling_follows_the_probabilities(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        using var state = flavour.Create(5);
        RandomCircuit.Scramble(new Random(8), state);
        const int shots = 100_000;
        var counts = new int[32];
        foreach (var sample in state.Sample(shots, seed: 42))
        {
            counts[sample]++;
        }

        // Pearson's chi-square over bins expecting at least 5 hits; 31 degrees of freedom at most, so a
        // correct sampler scores about 31 ± 8. The threshold is loose; a biased sampler scores in the thousands.
        var probabilities = state.Probabilities();
        double chiSquare = 0;
        var bins = 0;
        for (var k = 0; k < 32; k++)
        {
            var expected = shots * probabilities[k];
            if (expected >= 5)
            {
                chiSquare += (counts[k] - expected) * (counts[k] - expected) / expected;
                bins++;
            }
        }

        Assert.True(bins >= 20, $"only {bins} bins are populated enough to test");
        Assert.True(chiSquare < 80, $"chi-square {chiSquare:F1} over {bins} bins");
    }

    [Fact]
    public void Sampling_is_reproducible_by_seed_and_thread_count()
    {
        var flavour = new Flavour(StatePrecision.Complex128, Simd: true);
        using var single = flavour.Create(16, threads: 1);
        using var multi = flavour.Create(16, threads: 4);
        RandomCircuit.Scramble(new Random(4), single, multi);

        var first = single.Sample(5000, seed: 7);
        Assert.Equal(first, single.Sample(5000, seed: 7));
        Assert.Equal(first, multi.Sample(5000, seed: 7));
        Assert.NotEqual(first, single.Sample(5000, seed: 8));
    }

    [Fact]
    public void Sampling_a_basis_state_always_returns_it()
    {
        using var state = QuantumState.Create(18);
        state.Reset(123_456);
        Assert.All(state.Sample(1000, seed: 1), s => Assert.Equal(123_456, s));
    }

    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Measuring_one_qubit_of_a_bell_pair_collapses_the_other(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        var random = new Random(99);
        var seen = new int[2];
        for (var trial = 0; trial < 40; trial++)
        {
            using var state = flavour.Create(4);
            state.H(1);
            state.Cnot(1, 3);
            var outcome = state.MeasureQubit(1, random);
            seen[outcome]++;
            var expected = new Complex[16];
            expected[outcome == 1 ? 0b1010 : 0] = 1;
            StateAssert.Close(expected, state, flavour.Tolerance, $"after measuring {outcome}:");
        }

        Assert.True(seen[0] > 5 && seen[1] > 5, $"outcomes 0/1 seen {seen[0]}/{seen[1]} times in 40 trials");
    }

    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Inner_product_and_fidelity(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        using var a = flavour.Create(7);
        using var b = flavour.Create(7);
        RandomCircuit.Scramble(new Random(12), a, b);
        StateAssert.Close(1, a.Fidelity(b), flavour.Tolerance, "fidelity with itself");

        b.Apply(new SingleQubitMatrix(Complex.ImaginaryOne, 0, 0, Complex.ImaginaryOne), 3); // global phase i
        var overlap = a.InnerProduct(b);
        StateAssert.Close(0, overlap.Real, flavour.Tolerance, "Re⟨a|i·a⟩");
        StateAssert.Close(1, overlap.Imaginary, flavour.Tolerance, "Im⟨a|i·a⟩");

        a.Reset(5);
        b.Reset(6);
        StateAssert.Close(0, a.Fidelity(b), flavour.Tolerance, "orthogonal basis states");

        using var otherPrecision = QuantumState.Create(7, precision == StatePrecision.Complex128 ? StatePrecision.Complex64 : StatePrecision.Complex128);
        Assert.Throws<ArgumentException>(() => a.InnerProduct(otherPrecision));
    }
}

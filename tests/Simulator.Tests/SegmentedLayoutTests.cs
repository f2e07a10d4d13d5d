using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

/// <summary>
/// Large states are stored in segments with a gap after each (256 MiB + 2 MiB by default). These tests shrink the
/// segments to 16 KiB so that states small enough for the naive reference span several segments, and gates, layers
/// and measurements cross the gaps the way they do at 25 qubits and up.
/// </summary>
public class SegmentedLayoutTests
{
    private const int Qubits = 12; // complex128: 4 segments of 1024 amplitudes; complex64: 2 of 2048

    public static IEnumerable<object[]> Threads() =>
        from row in Flavour.All
        from threads in new[] { 1, 2 }
        select new[] { row[0], row[1], threads };

    [Theory]
    [MemberData(nameof(Threads))]
    public void Random_circuit_across_segments_matches_the_naive_reference(StatePrecision precision, bool simd, int threads)
    {
        var flavour = new Flavour(precision, simd);
        using var state = Segmented(flavour, threads);
        var reference = new ReferenceState(Qubits);
        RandomCircuit.Run(state, reference, new Random(77 + threads), steps: 200);
        StateAssert.Close(reference.Amplitudes, state, flavour.Tolerance, $"{flavour}, segmented, {threads} thread(s):");
    }

    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Every_target_qubit_matches_the_naive_reference(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        using var state = Segmented(flavour, threads: 2);
        var reference = new ReferenceState(Qubits);
        var random = new Random(3);
        for (var q = Qubits - 1; q >= 0; q--)
        {
            var u = RandomCircuit.RandomUnitary(random);
            state.Apply(u, q);
            reference.Apply(u, q);
            state.Cnot(q, (q + 5) % Qubits);
            reference.ApplyControlled(Gates.X, q, (q + 5) % Qubits);
        }

        for (var a = 0; a < Qubits; a += 3)
        {
            var (ua, ub) = (RandomCircuit.RandomUnitary(random), RandomCircuit.RandomUnitary(random));
            var b = Qubits - 1 - a;
            state.ApplyPair(ua, a, ub, b);
            reference.Apply(ua, a);
            reference.Apply(ub, b);
        }

        StateAssert.Close(reference.Amplitudes, state, flavour.Tolerance, $"{flavour}, every target:");
    }

    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Measurements_read_through_the_gaps(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        using var segmented = Segmented(flavour, threads: 2);
        using var plain = flavour.Create(Qubits, threads: 2);
        RandomCircuit.Scramble(new Random(21), segmented, plain);

        StateAssert.Close(1, segmented.Norm(), flavour.Tolerance, "norm");
        StateAssert.Close(plain.ToArray(), segmented, flavour.Tolerance, "amplitudes");
        var (plainProbabilities, segmentedProbabilities) = (plain.Probabilities(), segmented.Probabilities());
        for (var k = 0; k < plainProbabilities.Length; k++)
        {
            StateAssert.Close(plainProbabilities[k], segmentedProbabilities[k], flavour.Tolerance, $"probability of {k}");
        }

        var qubo = RandomCircuit.RandomQubo(Qubits, new Random(5));
        using var cost = CostVector.FromQubo(qubo);
        StateAssert.Close(plain.Expectation(cost), segmented.Expectation(cost), flavour.Tolerance * 10, "expectation");
        StateAssert.Close(1, segmented.Fidelity(plain), flavour.Tolerance, "fidelity between layouts");
        Assert.Equal(plain.Sample(2000, seed: 9), segmented.Sample(2000, seed: 9));

        // Collapse a qubit above the segment bits: the same outcome, the same surviving half.
        var (plainOutcome, segmentedOutcome) = (plain.MeasureQubit(Qubits - 1, new Random(2)), segmented.MeasureQubit(Qubits - 1, new Random(2)));
        Assert.Equal(plainOutcome, segmentedOutcome);
        StateAssert.Close(plain.ToArray(), segmented, flavour.Tolerance, "after measuring the top qubit");

        segmented.Reset(3000);
        Assert.Equal(Complex.One, segmented.GetAmplitude(3000));
        Assert.Equal(1, segmented.Probabilities().Count(p => p != 0));
    }

    [Fact]
    public void Gaps_add_two_MiB_per_256_MiB_from_two_segments_up_and_the_limit_counts_amplitudes_only()
    {
        long Allocated(int qubits, int amplitudeBytes) =>
            Kernels.SegmentShape.For(qubits, amplitudeBytes, SimulatorOptions.Default).BytesRequired(qubits, amplitudeBytes);

        Assert.Equal(256L << 20, Allocated(24, 16));
        Assert.Equal((512L << 20) + (2L << 20), Allocated(25, 16));
        Assert.Equal((4L << 30) + (15 * (2L << 20)), Allocated(28, 16));
        Assert.Equal((4L << 30) + (15 * (2L << 20)), Allocated(29, 8));
        Assert.Equal(4L << 30, SimulatorCapacity.BytesRequired(28, StatePrecision.Complex128));
        Assert.Equal(28, SimulatorCapacity.MaxQubits(4L << 30, StatePrecision.Complex128));
    }

    private static QuantumState Segmented(Flavour flavour, int threads) => QuantumState.Create(Qubits, flavour.Precision, new SimulatorOptions
    {
        UseSimd = flavour.Simd,
        MaxDegreeOfParallelism = threads,
        ParallelThresholdQubits = 0,
        LayoutSegmentBytes = 16 << 10,
        LayoutGapBytes = 64,
    });
}

using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

public class CostLayerTests
{
    public static IEnumerable<object[]> Cases() =>
        from row in Flavour.All
        from qubits in new[] { 3, 8, 11 }
        select new[] { row[0], row[1], qubits };

    /// <summary>
    /// With x = (1 − Z)/2, exp(−iγ·h·x) is RZ(−γh) and exp(−iγ·J·x_i·x_j) is RZ_i(−γJ/2)·RZ_j(−γJ/2)·ZZ(γJ/2), each
    /// up to a global phase that is tracked here, so the one-pass layer must equal the gate-by-gate circuit exactly.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void One_pass_cost_layer_equals_per_term_rz_and_zz_gates(StatePrecision precision, bool simd, int qubits)
    {
        var flavour = new Flavour(precision, simd);
        var random = new Random(qubits);
        var qubo = RandomCircuit.RandomQubo(qubits, random);
        const double gamma = 0.83;

        using var layered = flavour.Create(qubits);
        using var gates = flavour.Create(qubits);
        using var onTheFly = flavour.Create(qubits);
        RandomCircuit.Scramble(new Random(1), layered, gates, onTheFly);

        using var cost = CostVector.FromQubo(qubo);
        layered.ApplyCostPhase(cost, gamma);
        onTheFly.ApplyQuboPhase(qubo, gamma);

        var globalPhase = qubo.Offset;
        for (var i = 0; i < qubits; i++)
        {
            gates.Rz(i, -gamma * qubo.Linear[i]);
            globalPhase += qubo.Linear[i] / 2;
            for (var j = i + 1; j < qubits; j++)
            {
                var weight = qubo.Quadratic(i, j);
                gates.Rz(i, -gamma * weight / 2);
                gates.Rz(j, -gamma * weight / 2);
                gates.Zz(i, j, gamma * weight / 2);
                globalPhase += weight / 4;
            }
        }

        var phase = Complex.FromPolarCoordinates(1, -gamma * globalPhase);
        var expected = gates.ToArray().Select(a => a * phase).ToArray();
        var tolerance = flavour.Tolerance * 10; // the gate-by-gate side runs ~qubits² more operations
        StateAssert.Close(expected, layered, tolerance, "cost vector layer:");
        StateAssert.Close(expected, onTheFly, tolerance, "on-the-fly QUBO layer:");
    }

    /// <summary>The vector sin/cos must be as good as the runtime's: a few ulp for complex128, float rounding for complex64.</summary>
    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Cost_phase_is_accurate_to_the_precision(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        const int qubits = 12;
        var random = new Random(17);
        var costs = Enumerable.Range(0, 1 << qubits).Select(_ => (random.NextDouble() - 0.5) * 40).ToArray();
        using var cost = CostVector.FromValues(costs);
        using var state = flavour.Create(qubits);
        state.SetAmplitudes(Enumerable.Repeat(System.Numerics.Complex.One, 1 << qubits).ToArray());
        state.ApplyCostPhase(cost, gamma: 0.77);
        var expected = costs.Select(c => Complex.FromPolarCoordinates(1, -0.77 * c)).ToArray();
        // |γ·cost| ≤ 15.4 rad, where one ulp is 1.8e-15: the angle's own rounding dominates, so allow 4 ulp.
        StateAssert.Close(expected, state, precision == StatePrecision.Complex128 ? 7.2e-15 : 3e-7, "unit amplitudes after the phase:");
    }

    [Fact]
    public void Cost_phase_handles_large_angles_accurately()
    {
        var costs = Enumerable.Range(0, 64).Select(k => (k * 1234.567) - 30_000).ToArray();
        using var cost = CostVector.FromValues(costs);
        using var state = QuantumState.Create(6);
        state.PrepareUniformSuperposition();
        state.ApplyCostPhase(cost, gamma: 3.7);
        var expected = costs.Select(c => Complex.FromPolarCoordinates(0.125, -3.7 * c)).ToArray();
        StateAssert.Close(expected, state, 1e-11, "phases up to 1e5 rad:");
    }
}

using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

/// <summary>The tabulated cost vector (distinct values + byte/ushort index) against the per-amplitude sin/cos path.</summary>
public class CostTableTests
{
    private static readonly SimulatorOptions PerAmplitude = new() { MaxCostTableValues = 0 };

    /// <summary>(precision, simd, distinct values): 7 and 256 take byte indices, 257 and 5000 ushort indices.</summary>
    public static IEnumerable<object[]> Cases() =>
        from row in Flavour.All
        from distinct in new[] { 7, 256, 257, 5000 }
        select new[] { row[0], row[1], distinct };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Table_layer_equals_per_amplitude_layer(StatePrecision precision, bool simd, int distinct)
    {
        var flavour = new Flavour(precision, simd);
        const int qubits = 13;
        var costs = FewValues(qubits, distinct, new Random(distinct));
        using var table = CostVector.FromValues(costs);
        using var dense = CostVector.FromValues(costs, PerAmplitude);
        Assert.Equal(distinct, table.DistinctValues);
        Assert.Null(dense.DistinctValues);

        using var viaTable = flavour.Create(qubits);
        using var viaSinCos = flavour.Create(qubits);
        RandomCircuit.Scramble(new Random(3), viaTable, viaSinCos);
        foreach (var gamma in new[] { 0.37, -2.9 })
        {
            viaTable.ApplyCostPhase(table, gamma);
            viaSinCos.ApplyCostPhase(dense, gamma);
        }

        StateAssert.Close(viaSinCos.ToArray(), viaTable, precision == StatePrecision.Complex128 ? 1e-12 : 1e-5, "table vs sin/cos layer:");
        var plain = viaTable.Probabilities().Zip(costs, (p, c) => p * c).Sum();
        StateAssert.Close(plain, viaTable.Expectation(table), 1e-9 * costs.Max(Math.Abs), "expectation from the table");
        StateAssert.Close(viaTable.Expectation(dense), viaTable.Expectation(table), 1e-9 * costs.Max(Math.Abs), "expectation, table vs doubles");
    }

    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Too_many_distinct_values_fall_back_to_per_amplitude_phases(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        const int qubits = 11;
        var random = new Random(5);
        var costs = Enumerable.Range(0, 1 << qubits).Select(_ => (random.NextDouble() - 0.5) * 30).ToArray();
        using var cost = CostVector.FromValues(costs, new SimulatorOptions { MaxCostTableValues = 1000 });
        Assert.Null(cost.DistinctValues);

        using var state = flavour.Create(qubits);
        RandomCircuit.Scramble(new Random(9), state);
        var before = state.ToArray();
        state.ApplyCostPhase(cost, 0.61);
        var expected = before.Select((a, k) => a * Complex.FromPolarCoordinates(1, -0.61 * costs[k])).ToArray();
        StateAssert.Close(expected, state, flavour.Tolerance, "fallback layer:");
        StateAssert.Close(state.Probabilities().Zip(costs, (p, c) => p * c).Sum(), state.Expectation(cost), precision == StatePrecision.Complex128 ? 1e-9 : 1e-6, "fallback expectation");
    }

    [Fact]
    public void Tabulated_vector_returns_every_cost_and_counts_distinct_values()
    {
        var costs = FewValues(9, 40, new Random(2));
        costs[3] = -0.0; // equal to 0.0: one entry for both
        costs[4] = 0.0;
        using var cost = CostVector.FromValues(costs);
        Assert.Equal(costs.Distinct().Count(), cost.DistinctValues);
        for (var k = 0; k < costs.Length; k++)
        {
            Assert.Equal(costs[k], cost[k]);
        }
    }

    [Fact]
    public void Qubo_costs_with_integer_coefficients_are_tabulated()
    {
        var quadratic = new List<QuadraticTerm> { new(0, 1, 2), new(1, 2, -3), new(2, 3, 4), new(0, 5, 1) };
        var qubo = new QuboDiagonal(6, [1, -1, 2, 0, 3, -2], quadratic);
        using var cost = CostVector.FromQubo(qubo);
        Assert.NotNull(cost.DistinctValues);
        for (var k = 0; k < 64; k++)
        {
            Assert.Equal(qubo.Evaluate(k), cost[k], 12);
        }
    }

    [Theory]
    [MemberData(nameof(Flavour.All), MemberType = typeof(Flavour))]
    public void Table_layer_is_bitwise_equal_across_thread_counts(StatePrecision precision, bool simd)
    {
        var flavour = new Flavour(precision, simd);
        const int qubits = 16; // several parallel chunks
        using var cost = CostVector.FromValues(FewValues(qubits, 900, new Random(4)));
        using var single = flavour.Create(qubits, threads: 1);
        using var multi = flavour.Create(qubits, threads: 4);
        RandomCircuit.Scramble(new Random(8), single, multi);
        single.ApplyCostPhase(cost, 1.3);
        multi.ApplyCostPhase(cost, 1.3);
        Assert.Equal(single.ToArray(), multi.ToArray());
        Assert.Equal(single.Expectation(cost), multi.Expectation(cost));
    }

    [Fact]
    public void Negative_table_limit_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CostVector.FromValues(new double[8], new SimulatorOptions { MaxCostTableValues = -1 }));
        Assert.Contains("MaxCostTableValues", error.Message);
    }

    /// <summary>Exactly <paramref name="distinct"/> fixed-point values (multiples of 0.25), each used at least once, shuffled.</summary>
    private static double[] FewValues(int qubits, int distinct, Random random)
    {
        var levels = Enumerable.Range(0, distinct).Select(v => (v - (distinct / 2)) * 0.25 + 0.125).ToArray();
        var costs = Enumerable.Range(0, 1 << qubits).Select(k => levels[k < distinct ? k : random.Next(distinct)]).ToArray();
        random.Shuffle(costs);
        return costs;
    }
}

namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

public class CostVectorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(13)]
    public void Tabulated_qubo_equals_term_by_term_evaluation(int variables)
    {
        var qubo = RandomCircuit.RandomQubo(variables, new Random(variables));
        using var cost = CostVector.FromQubo(qubo, new SimulatorOptions { ParallelThresholdQubits = 0 });
        Assert.Equal((nint)1 << variables, cost.Length);
        for (long k = 0; k < cost.Length; k++)
        {
            StateAssert.Close(qubo.Evaluate(k), cost[k], 1e-9, $"cost[{k}]");
        }
    }

    [Fact]
    public void Qubo_terms_fold_and_are_validated()
    {
        var qubo = new QuboDiagonal(3, [1, 2, 3], [new(0, 0, 5), new(2, 1, 4), new(1, 2, 1)], offset: 0.5);
        Assert.Equal(6, qubo.Linear[0]);
        Assert.Equal(5, qubo.Quadratic(1, 2));
        Assert.Equal(0.5 + 2 + 3 + 5, qubo.Evaluate(0b110));

        var outside = Assert.Throws<ArgumentException>(() => new QuboDiagonal(3, [1, 2, 3], [new(0, 1, 1), new(0, 3, 1)]));
        Assert.Contains("quadratic[1]", outside.Message);
        var notFinite = Assert.Throws<ArgumentException>(() => new QuboDiagonal(2, [1, double.NaN], []));
        Assert.Contains("linear[1]", notFinite.Message);
        Assert.Throws<ArgumentException>(() => new QuboDiagonal(2, [1], []));
    }

    [Fact]
    public void Explicit_and_computed_cost_vectors()
    {
        using var explicitCosts = CostVector.FromValues([3, 1, 4, 1, 5, 9, 2, 6]);
        Assert.Equal(3, explicitCosts.Qubits);
        Assert.Equal(9, explicitCosts[5]);
        Assert.Throws<ArgumentException>(() => CostVector.FromValues([1, 2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => explicitCosts[8]);

        using var computed = CostVector.FromFunction(15, k => k * 0.5, new SimulatorOptions { ParallelThresholdQubits = 0 });
        Assert.Equal(1234 * 0.5, computed[1234]);

        using var state = QuantumState.Create(4);
        Assert.Throws<ArgumentException>(() => state.ApplyCostPhase(explicitCosts, 1));
    }
}

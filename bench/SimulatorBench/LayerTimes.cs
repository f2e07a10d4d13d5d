using QuantumScheduler.Solvers.Quantum.Simulator;

namespace QuantumScheduler.Bench.Simulator;

/// <summary>One QAOA cost layer timed for three kinds of cost vector and for the on-the-fly QUBO layer (seconds, medians).</summary>
internal sealed record LayerTimes(double General, double UInt16Table, double ByteTable, double Qubo)
{
    public static LayerTimes Measure(QuantumState state, SimulatorOptions options, int runs)
    {
        var qubits = state.Qubits;
        var qubo = RandomQubo(qubits);
        var quboLayer = Timing.Median(Timing.Repeat(runs, () => state.ApplyQuboPhase(qubo, 0.1)));
        double CostLayer(QuboDiagonal costs, SimulatorOptions costOptions, int? expectedTableSize)
        {
            using var cost = CostVector.FromQubo(costs, costOptions);
            if (expectedTableSize is { } size && !(cost.DistinctValues <= size))
            {
                throw new InvalidOperationException($"Expected a table of at most {size} values, got {cost.DistinctValues?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
            }

            return Timing.Median(Timing.Repeat(runs, () => state.ApplyCostPhase(cost, 0.1)));
        }

        return new LayerTimes(
            CostLayer(qubo, options with { MaxCostTableValues = 0 }, null),
            CostLayer(IntegerQubo(qubits, quadratic: true), options, 65_536),
            CostLayer(IntegerQubo(qubits, quadratic: false), options, 256),
            quboLayer);
    }

    /// <summary>A dense random real-valued QUBO: its energies are all distinct, the general case.</summary>
    private static QuboDiagonal RandomQubo(int variables)
    {
        var random = new Random(variables);
        var linear = Enumerable.Range(0, variables).Select(_ => random.NextDouble() * 10).ToArray();
        var quadratic = from i in Enumerable.Range(0, variables)
                        from j in Enumerable.Range(i + 1, variables - i - 1)
                        select new QuadraticTerm(i, j, random.NextDouble() * 20);
        return new QuboDiagonal(variables, linear, quadratic.ToList());
    }

    /// <summary>
    /// Integer coefficients, as scheduling QUBOs have: with quadratic terms (0…20) the energies span a few thousand
    /// integers (ushort index); linear terms only (0…9) span at most 9·n + 1 ≤ 256 values up to 28 qubits (byte index).
    /// </summary>
    private static QuboDiagonal IntegerQubo(int variables, bool quadratic)
    {
        var random = new Random(variables + 1);
        var linear = Enumerable.Range(0, variables).Select(_ => (double)random.Next(quadratic ? 11 : 10)).ToArray();
        var terms = quadratic
            ? (from i in Enumerable.Range(0, variables)
               from j in Enumerable.Range(i + 1, variables - i - 1)
               select new QuadraticTerm(i, j, random.Next(21))).ToList()
            : [];
        return new QuboDiagonal(variables, linear, terms);
    }
}

using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>
/// Chooses subproblems as dwave-hybrid's EnergyImpactDecomposer does: variables ordered by how much flipping
/// each alone would lower the energy (largest gain first), cut into consecutive windows of at most k, so one
/// pass rolls over the whole order. Builds the clamped subproblem of a window.
/// </summary>
internal sealed class EnergyImpactDecomposer(QuboModel model)
{
    private readonly int[] _local = Enumerable.Repeat(-1, model.VariableCount).ToArray();

    /// <summary>Variable indexes by flip gain, largest first (a deterministic sort, so runs reproduce).</summary>
    public int[] ImpactOrder(byte[] x, double[] field)
    {
        var order = Enumerable.Range(0, model.VariableCount).ToArray();
        var delta = new double[order.Length];
        for (var i = 0; i < delta.Length; i++) delta[i] = x[i] == 0 ? field[i] : -field[i];
        Array.Sort(delta, order);
        return order;
    }

    /// <summary>
    /// The QUBO over <paramref name="window"/> with every other variable fixed at its value in x: linear terms
    /// absorb the fixed neighbours (field minus in-window neighbours), couplings inside the window stay. Its
    /// energy differences equal the full model's.
    /// </summary>
    public QuboModel Subproblem(ReadOnlySpan<int> window, byte[] x, double[] field)
    {
        for (var p = 0; p < window.Length; p++) _local[window[p]] = p;
        var linear = new double[window.Length];
        var terms = new List<QuboTerm>();
        for (var p = 0; p < window.Length; p++)
        {
            var i = window[p];
            var h = field[i];
            for (var k = model.RowStart[i]; k < model.RowStart[i + 1]; k++)
            {
                var q = _local[model.Neighbor[k]];
                if (q < 0) continue;
                if (x[model.Neighbor[k]] != 0) h -= model.Weight[k];
                if (q > p) terms.Add(new QuboTerm(p, q, model.Weight[k]));
            }
            linear[p] = h;
        }
        foreach (var i in window) _local[i] = -1;
        return new QuboModel(linear, terms, 0);
    }
}

namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// How one agent's capacity Σ d·x ≤ C′ became the penalty P·(Σ (d/u)·x + Σₖ cₖ·s[a,k] − C′/u)²:
/// <see cref="Unit"/> u makes the loads integers so a violation costs at least P; the slack bits' weights
/// cₖ are 1, 2, 4, … with the last one cut so that the slack never exceeds <see cref="SlackLimit"/> = ⌊C′/u⌋.
/// </summary>
public sealed record CapacityEncoding(int Agent, double Capacity, double Unit, int SlackLimit, int FirstSlackVariable, double[] SlackWeights)
{
    /// <summary>The load units a feasible load leaves unused, encoded in the slack bits.</summary>
    public void EncodeSlack(double load, Span<byte> bits) => WriteSlack(OptimalSlack(load / Unit), bits);

    /// <summary>
    /// The slack value (in units) that minimises the penalty for a load of <paramref name="unitLoad"/> units:
    /// what is left of the capacity, rounded to the integer grid and clamped to [0, <see cref="SlackLimit"/>].
    /// For fixed assignment bits the penalty is a convex parabola in the slack, and the bounded binary weights
    /// reach every integer in that range, so this is the exact minimum over the slack bits.
    /// </summary>
    public int OptimalSlack(double unitLoad) => (int)Math.Clamp(Math.Round(Capacity / Unit - unitLoad), 0, SlackLimit);

    /// <summary>The capacity penalty P·(load + s* − C′/u)² with the slack at its optimum (0 when the load fits).</summary>
    public double MinimumPenalty(double unitLoad, double weight)
    {
        var residual = unitLoad + OptimalSlack(unitLoad) - Capacity / Unit;
        return weight * residual * residual;
    }

    /// <summary>Writes a slack value (0 ≤ value ≤ <see cref="SlackLimit"/>) into the slack bits of a whole bitstring.</summary>
    public void WriteSlack(int value, Span<byte> bits) => WriteSlackBits(value, bits.Slice(FirstSlackVariable, SlackWeights.Length));

    /// <summary>Writes a slack value into just the slack bits (bit k at index k).</summary>
    public void WriteSlackBits(int value, Span<byte> slackBits)
    {
        for (var k = SlackWeights.Length - 1; k >= 0; k--)
        {
            var weight = (int)SlackWeights[k];
            // Only the last (cut) weight can be skipped wrongly by a plain binary split; take it whenever the
            // lower bits alone could not represent what is left.
            var lowerBitsMax = (1 << k) - 1;
            var take = k == SlackWeights.Length - 1 ? value > lowerBitsMax : value >= weight;
            slackBits[k] = take ? (byte)1 : (byte)0;
            if (take) value -= weight;
        }
    }

    /// <summary>Slack weights 1, 2, …, 2^(K−2) and a last weight so that they sum to exactly <paramref name="limit"/>.</summary>
    public static double[] BoundedBinaryWeights(int limit)
    {
        if (limit <= 0) return [];
        var bits = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)limit);
        var weights = new double[bits];
        for (var k = 0; k < bits - 1; k++) weights[k] = 1 << k;
        weights[bits - 1] = limit - ((1 << (bits - 1)) - 1);
        return weights;
    }
}

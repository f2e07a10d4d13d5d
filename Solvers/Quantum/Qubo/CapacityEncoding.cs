namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// How one agent's capacity Σ d·x ≤ C′ became the penalty P·(Σ (d/u)·x + Σₖ cₖ·s[a,k] − C′/u)²:
/// <see cref="Unit"/> u makes the loads integers so a violation costs at least P; the slack bits' weights
/// cₖ are 1, 2, 4, … with the last one cut so that the slack never exceeds <see cref="SlackLimit"/> = ⌊C′/u⌋.
/// </summary>
public sealed record CapacityEncoding(int Agent, double Capacity, double Unit, int SlackLimit, int FirstSlackVariable, double[] SlackWeights)
{
    /// <summary>The load units a feasible load leaves unused, encoded in the slack bits.</summary>
    public void EncodeSlack(double load, Span<byte> bits)
    {
        var value = (int)Math.Clamp(Math.Round((Capacity - load) / Unit), 0, SlackLimit);
        for (var k = SlackWeights.Length - 1; k >= 0; k--)
        {
            var weight = (int)SlackWeights[k];
            // Only the last (cut) weight can be skipped wrongly by a plain binary split; take it whenever the
            // lower bits alone could not represent what is left.
            var lowerBitsMax = (1 << k) - 1;
            var take = k == SlackWeights.Length - 1 ? value > lowerBitsMax : value >= weight;
            bits[FirstSlackVariable + k] = take ? (byte)1 : (byte)0;
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

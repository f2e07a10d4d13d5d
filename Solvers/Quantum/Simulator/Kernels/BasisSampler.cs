using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// Inverse-CDF sampling without a 2^n cumulative array: the shots' uniforms are sorted and matched against one walk
/// of the cumulative probabilities. Chunk totals (computed in parallel, in fixed chunks) let the walk skip chunks
/// that hold no shot, so the cost is one parallel pass plus O(shots·log shots + chunk length per shot).
/// </summary>
internal static unsafe class BasisSampler<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static long[] Sample(AmplitudeLayout<T> data, nint length, ChunkedParallel parallel, int shots, int seed)
    {
        var chunkTotals = parallel.ReducePartials<ScalarWeightedNormBody<T>, double>(new ScalarWeightedNormBody<T>(data, null), length);
        var total = 0.0;
        foreach (var chunkTotal in chunkTotals)
        {
            total += chunkTotal;
        }

        if (!(total > 0) || !double.IsFinite(total))
        {
            throw new InvalidOperationException($"Cannot sample a state whose squared norm is {total}.");
        }

        var random = new Random(seed);
        var targets = new double[shots];
        var order = new int[shots];
        for (var i = 0; i < shots; i++)
        {
            targets[i] = random.NextDouble() * total;
            order[i] = i;
        }

        Array.Sort(targets, order);

        var samples = new long[shots];
        var chunk = 0;
        var before = 0.0;            // cumulative probability before the current chunk
        nint k = 0;                  // current amplitude
        var through = Probability(data, 0); // cumulative probability through amplitude k
        for (var s = 0; s < shots; s++)
        {
            var u = targets[s];
            while (chunk < chunkTotals.Length - 1 && before + chunkTotals[chunk] <= u)
            {
                before += chunkTotals[chunk++];
                k = (nint)chunk * parallel.ChunkUnits;
                through = before + Probability(data, k);
            }

            var chunkEnd = Math.Min(length, (nint)(chunk + 1) * parallel.ChunkUnits);
            while (through <= u && k + 1 < chunkEnd)
            {
                k++;
                through += Probability(data, k);
            }

            samples[order[s]] = through > u ? k : LastPossible(data, (nint)chunk * parallel.ChunkUnits, k);
        }

        return samples;
    }

    private static double Probability(AmplitudeLayout<T> data, nint k) => ScalarComplex<T>.SquaredMagnitude(data.At(k));

    /// <summary>Rounding left u just past the chunk's last amplitude: take the last one that can occur.</summary>
    private static long LastPossible(AmplitudeLayout<T> data, nint first, nint k)
    {
        for (var j = k; j >= first; j--)
        {
            if (Probability(data, j) > 0)
            {
                return j;
            }
        }

        return k;
    }
}

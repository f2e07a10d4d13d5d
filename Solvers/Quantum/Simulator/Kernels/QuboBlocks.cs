using System.Runtime.CompilerServices;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// Splits a QUBO cost into a part that depends only on the low <see cref="LowBits"/> bits (tabulated once), a
/// constant per block of high bits, and a field that is linear in the low bits. Within one block the cost is then
/// <c>LowCost[kLow] + constant + Σ field_i·x_i</c>, which tabulates by doubling at O(1) per amplitude.
/// </summary>
internal sealed class QuboBlocks
{
    private readonly QuboDiagonal _qubo;

    public QuboBlocks(QuboDiagonal qubo, int lowBitsLimit)
    {
        _qubo = qubo;
        LowBits = Math.Min(qubo.Variables, lowBitsLimit);
        LowCost = new double[1 << LowBits];
        LowCost[0] = qubo.Offset;
        for (var t = 0; t < LowBits; t++)
        {
            var half = 1 << t;
            for (var k = 0; k < half; k++)
            {
                var added = qubo.Linear[t];
                for (var i = 0; i < t; i++)
                {
                    if ((k >> i & 1) != 0)
                    {
                        added += qubo.Quadratic(i, t);
                    }
                }

                LowCost[k | half] = LowCost[k] + added;
            }
        }
    }

    /// <summary>Bits of the basis index inside one block.</summary>
    public int LowBits { get; }

    /// <summary>Block length in amplitudes.</summary>
    public int BlockLength => 1 << LowBits;

    /// <summary>Offset plus every term among low variables, indexed by the low bits.</summary>
    public double[] LowCost { get; }

    /// <summary>
    /// For block <paramref name="block"/> (the high bits), writes the field on each low variable into
    /// <paramref name="field"/> and returns the cost of the terms among high variables.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double BlockTerms(long block, Span<double> field)
    {
        var n = _qubo.Variables;
        var constant = 0.0;
        field[..LowBits].Clear();
        for (var j = LowBits; j < n; j++)
        {
            if ((block >> (j - LowBits) & 1) == 0)
            {
                continue;
            }

            constant += _qubo.Linear[j];
            for (var j2 = j + 1; j2 < n; j2++)
            {
                if ((block >> (j2 - LowBits) & 1) != 0)
                {
                    constant += _qubo.Quadratic(j, j2);
                }
            }

            for (var i = 0; i < LowBits; i++)
            {
                field[i] += _qubo.Quadratic(i, j);
            }
        }

        return constant;
    }
}

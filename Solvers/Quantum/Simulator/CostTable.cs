using QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

namespace QuantumScheduler.Solvers.Quantum.Simulator;

/// <summary>
/// A cost vector stored as its distinct values plus one small index per basis state (a byte when there are at most
/// 256 values, two bytes up to 65 536). A cost layer then needs one sin/cos per distinct value instead of one per
/// amplitude, and streams 1–2 bytes of index per amplitude instead of an 8-byte cost.
/// </summary>
internal sealed unsafe class CostTable : IDisposable
{
    private readonly NativeBuffer _indices;

    private CostTable(double[] values, NativeBuffer indices, int indexBytes)
    {
        Values = values;
        _indices = indices;
        IndexBytes = indexBytes;
    }

    /// <summary>The distinct costs, in order of first appearance (so the table never depends on threads).</summary>
    public double[] Values { get; }

    /// <summary>1 (byte indices) or 2 (ushort indices).</summary>
    public int IndexBytes { get; }

    public void* Indices => _indices.Pointer;

    public double this[nint basisState] => Values[IndexBytes == 1 ? ((byte*)Indices)[basisState] : ((ushort*)Indices)[basisState]];

    /// <summary>
    /// Tabulates <paramref name="costs"/> when it has at most <paramref name="maxValues"/> distinct values (capped at
    /// 65 536, the reach of a ushort index); null otherwise. Gives up as soon as one value too many is seen, so a
    /// cost vector of many values costs only a short scan. Values that compare equal (0.0 and −0.0) share an entry.
    /// </summary>
    public static CostTable? TryCreate(double* costs, nint length, int maxValues)
    {
        maxValues = Math.Min(maxValues, ushort.MaxValue + 1);
        if (maxValues < 1)
        {
            return null;
        }

        var slots = new Dictionary<double, int>();
        var values = new List<double>();
        for (nint k = 0; k < length; k++)
        {
            if (!slots.ContainsKey(costs[k]))
            {
                if (values.Count == maxValues)
                {
                    return null;
                }

                slots.Add(costs[k], values.Count);
                values.Add(costs[k]);
            }
        }

        var indexBytes = values.Count <= byte.MaxValue + 1 ? 1 : 2;
        var indices = new NativeBuffer(length * indexBytes);
        var previous = costs[0];
        var slot = slots[previous];
        for (nint k = 0; k < length; k++)
        {
            // Neighbouring basis states often share a cost (QUBOs of scheduling problems are flat in places).
            if (costs[k] != previous)
            {
                previous = costs[k];
                slot = slots[previous];
            }

            if (indexBytes == 1)
            {
                ((byte*)indices.Pointer)[k] = (byte)slot;
            }
            else
            {
                ((ushort*)indices.Pointer)[k] = (ushort)slot;
            }
        }

        return new CostTable([.. values], indices, indexBytes);
    }

    /// <summary>exp(−iγ·v) for every distinct value v, interleaved (cos, sin): one cache line serves both lookups.</summary>
    public double[] Phases(double gamma)
    {
        var phases = new double[2 * Values.Length];
        for (var v = 0; v < Values.Length; v++)
        {
            (phases[(2 * v) + 1], phases[2 * v]) = Math.SinCos(gamma * Values[v]);
        }

        return phases;
    }

    public void Dispose() => _indices.Dispose();
}

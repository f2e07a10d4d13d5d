using QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

namespace QuantumScheduler.Solvers.Quantum.Simulator;

/// <summary>
/// The cost of every basis state of an n-qubit register, built once per problem and reused by every QAOA cost layer
/// and expectation. Dispose it to release the memory promptly.
/// </summary>
/// <remarks>
/// Representation, chosen once when the vector is built: when the costs take at most
/// <see cref="SimulatorOptions.MaxCostTableValues"/> distinct values (default 65 536) they are kept as a table of
/// those values plus a byte (≤ 256 values) or ushort index per basis state, and a cost layer computes one sin/cos
/// per distinct value; otherwise as 2^n doubles, and a cost layer computes one sin/cos per amplitude.
/// </remarks>
public sealed unsafe class CostVector : IDisposable
{
    private NativeBuffer? _buffer;
    private CostTable? _table;

    private CostVector(int qubits)
    {
        SimulatorCapacity.BytesRequired(qubits, StatePrecision.Complex64); // validates the qubit count
        Qubits = qubits;
        Length = (nint)1 << qubits;
        _buffer = new NativeBuffer(Length * (long)sizeof(double));
    }

    /// <summary>Qubits (the vector has 2^Qubits entries).</summary>
    public int Qubits { get; }

    /// <summary>Number of entries, 2^Qubits.</summary>
    public nint Length { get; }

    /// <summary>Cost of basis state <paramref name="basisState"/>.</summary>
    public double this[long basisState]
    {
        get
        {
            if ((ulong)basisState >= (ulong)Length)
            {
                throw new ArgumentOutOfRangeException(nameof(basisState), basisState, $"Basis state must be in 0..{Length - 1}.");
            }

            return _table is { } table ? table[(nint)basisState] : Data[basisState];
        }
    }

    /// <summary>
    /// Number of distinct costs when the vector is stored as a table of them (see the remarks), or null when it is
    /// stored as one double per basis state.
    /// </summary>
    public int? DistinctValues => _table?.Values.Length;

    /// <summary>The costs, one double per basis state; null when the vector is tabulated.</summary>
    internal double* Data => _table is null ? (double*)Buffer.Pointer : null;

    internal CostTable? Table => _table;

    private NativeBuffer Buffer => _buffer ?? throw new ObjectDisposedException(nameof(CostVector));

    /// <summary>Copies explicit costs; the length must be a power of two (2^qubits).</summary>
    /// <param name="costs">Cost of every basis state.</param>
    /// <param name="options">Only <see cref="SimulatorOptions.MaxCostTableValues"/> is used; null means the defaults.</param>
    public static CostVector FromValues(ReadOnlySpan<double> costs, SimulatorOptions? options = null)
    {
        if (costs.Length < 2 || !int.IsPow2(costs.Length))
        {
            throw new ArgumentException($"A cost vector needs 2^n entries (n ≥ 1), got {costs.Length}.", nameof(costs));
        }

        var vector = new CostVector(int.Log2(costs.Length));
        costs.CopyTo(new Span<double>(vector.Data, costs.Length));
        return vector.Tabulate(options);
    }

    /// <summary>Evaluates <paramref name="cost"/> on every basis state, in parallel chunks (the function must be thread-safe).</summary>
    public static CostVector FromFunction(int qubits, Func<long, double> cost, SimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var vector = new CostVector(qubits);
        new ChunkedParallel(qubits, options ?? SimulatorOptions.Default).Run(new FunctionBody(vector.Data, cost), vector.Length);
        return vector.Tabulate(options);
    }

    /// <summary>Tabulates a QUBO at O(1) work per basis state (no term-by-term evaluation).</summary>
    public static CostVector FromQubo(QuboDiagonal qubo, SimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(qubo);
        var vector = new CostVector(qubo.Variables);
        var blocks = qubo.Blocks;
        var units = vector.Length >> blocks.LowBits;
        new ChunkedParallel(qubo.Variables, options ?? SimulatorOptions.Default).Run(new QuboBody(vector.Data, blocks), units, chunkUnits: 16);
        return vector.Tabulate(options);
    }

    public void Dispose()
    {
        _buffer?.Dispose();
        _table?.Dispose();
    }

    /// <summary>Switches to the table representation when the costs allow it, releasing the doubles.</summary>
    private CostVector Tabulate(SimulatorOptions? options)
    {
        options ??= SimulatorOptions.Default;
        options.Validate();
        var maxValues = options.MaxCostTableValues;
        if (CostTable.TryCreate(Data, Length, maxValues) is { } table)
        {
            _table = table;
            _buffer!.Dispose();
            _buffer = null;
        }

        return this;
    }

    private readonly struct FunctionBody(double* target, Func<long, double> cost) : IChunkBody
    {
        public void Execute(nint start, nint end)
        {
            for (var k = start; k < end; k++)
            {
                target[k] = cost(k);
            }
        }
    }

    /// <summary>cost = LowCost[kLow] + constant + Σ field_i·x_i, the last two tabulated per block by doubling.</summary>
    private readonly struct QuboBody(double* target, QuboBlocks blocks) : IChunkBody
    {
        public void Execute(nint start, nint end)
        {
            Span<double> field = stackalloc double[blocks.LowBits];
            for (var block = start; block < end; block++)
            {
                var destination = target + (block << blocks.LowBits);
                destination[0] = blocks.BlockTerms(block, field);
                for (var t = 0; t < blocks.LowBits; t++)
                {
                    var half = 1 << t;
                    for (var k = 0; k < half; k++)
                    {
                        destination[k + half] = destination[k] + field[t];
                    }
                }

                for (var k = 0; k < blocks.BlockLength; k++)
                {
                    destination[k] += blocks.LowCost[k];
                }
            }
        }
    }
}

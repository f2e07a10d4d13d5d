using QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

namespace QuantumScheduler.Solvers.Quantum.Simulator;

/// <summary>
/// The cost of every basis state of an n-qubit register (2^n doubles, 64-byte-aligned native memory), built once
/// per problem and reused by every QAOA cost layer and expectation. Dispose it to release the memory promptly.
/// </summary>
public sealed unsafe class CostVector : IDisposable
{
    private readonly NativeBuffer _buffer;

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

            return Data[basisState];
        }
    }

    internal double* Data => (double*)_buffer.Pointer;

    /// <summary>Copies explicit costs; the length must be a power of two (2^qubits).</summary>
    public static CostVector FromValues(ReadOnlySpan<double> costs)
    {
        if (costs.Length < 2 || !int.IsPow2(costs.Length))
        {
            throw new ArgumentException($"A cost vector needs 2^n entries (n ≥ 1), got {costs.Length}.", nameof(costs));
        }

        var vector = new CostVector(int.Log2(costs.Length));
        costs.CopyTo(new Span<double>(vector.Data, costs.Length));
        return vector;
    }

    /// <summary>Evaluates <paramref name="cost"/> on every basis state, in parallel chunks (the function must be thread-safe).</summary>
    public static CostVector FromFunction(int qubits, Func<long, double> cost, SimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var vector = new CostVector(qubits);
        new ChunkedParallel(qubits, options ?? SimulatorOptions.Default).Run(new FunctionBody(vector.Data, cost), vector.Length);
        return vector;
    }

    /// <summary>Tabulates a QUBO at O(1) work per basis state (no term-by-term evaluation).</summary>
    public static CostVector FromQubo(QuboDiagonal qubo, SimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(qubo);
        var vector = new CostVector(qubo.Variables);
        var blocks = qubo.Blocks;
        var units = vector.Length >> blocks.LowBits;
        new ChunkedParallel(qubo.Variables, options ?? SimulatorOptions.Default).Run(new QuboBody(vector.Data, blocks), units, chunkUnits: 16);
        return vector;
    }

    public void Dispose() => _buffer.Dispose();

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

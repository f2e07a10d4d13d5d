using System.Numerics;
using System.Runtime.CompilerServices;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// Runs a pass over a state in fixed-size chunks: on the calling thread for small states, otherwise with
/// Parallel.For up to the configured degree of parallelism. Chunk boundaries depend only on the work size, so
/// reductions add the same partial sums in the same order for every thread count (bitwise-reproducible).
/// </summary>
internal readonly struct ChunkedParallel
{
    /// <summary>Work units per chunk: large enough to amortise scheduling, small enough to balance two to many cores.</summary>
    public const int DefaultChunkUnits = 1 << 14;

    private readonly ParallelOptions? _parallel;

    /// <param name="qubits">The state's qubits.</param>
    /// <param name="options">Threads and the parallel threshold.</param>
    /// <param name="chunkUnits">Units per chunk (smaller only when a state's segments are small, see AmplitudeLayout).</param>
    public ChunkedParallel(int qubits, SimulatorOptions options, int chunkUnits = DefaultChunkUnits)
    {
        ChunkUnits = chunkUnits;
        _parallel = options.MaxDegreeOfParallelism > 1 && qubits >= options.ParallelThresholdQubits
            ? new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }
            : null;
    }

    /// <summary>Work units per chunk.</summary>
    public int ChunkUnits { get; }

    /// <summary>Runs an element-wise pass in chunks of <see cref="ChunkUnits"/>.</summary>
    public void Run<TBody>(TBody body, nint units)
        where TBody : struct, IChunkBody => Run(body, units, ChunkUnits);

    /// <summary>Runs an element-wise pass; <paramref name="chunkUnits"/> suits bodies whose unit is large (a whole block).</summary>
    public void Run<TBody>(TBody body, nint units, int chunkUnits)
        where TBody : struct, IChunkBody
    {
        var chunks = (units + chunkUnits - 1) / chunkUnits;
        if (_parallel is null || chunks <= 1)
        {
            // Chunk by chunk on one thread too: a body may assume its range lies within one chunk (AmplitudeLayout).
            for (var chunk = 0L; chunk < chunks; chunk++)
            {
                body.Execute((nint)(chunk * chunkUnits), (nint)Math.Min(units, (chunk + 1) * chunkUnits));
            }

            return;
        }

        RunParallel(body, units, chunkUnits, chunks, _parallel);
    }

    public TResult Reduce<TBody, TResult>(TBody body, nint units)
        where TBody : struct, IReductionBody<TResult>
        where TResult : IAdditionOperators<TResult, TResult, TResult>, IAdditiveIdentity<TResult, TResult>
    {
        var partials = ReducePartials<TBody, TResult>(body, units);
        var total = TResult.AdditiveIdentity;
        foreach (var partial in partials)
        {
            total += partial;
        }

        return total;
    }

    /// <summary>One partial result per chunk, in chunk order (chunk i covers units [i·ChunkUnits, (i+1)·ChunkUnits)).</summary>
    public TResult[] ReducePartials<TBody, TResult>(TBody body, nint units)
        where TBody : struct, IReductionBody<TResult>
    {
        var chunks = ChunkCount(units);
        var partials = new TResult[chunks];
        if (_parallel is null || chunks == 1)
        {
            for (var chunk = 0L; chunk < chunks; chunk++)
            {
                partials[chunk] = body.Execute(ChunkStart(chunk), ChunkEnd(chunk, units));
            }
        }
        else
        {
            var self = this;
            Parallel.For(0L, chunks, _parallel, chunk => partials[chunk] = body.Execute(self.ChunkStart(chunk), self.ChunkEnd(chunk, units)));
        }

        return partials;
    }

    /// <summary>Separate so the closure is only allocated, and the body only copied to the heap, on the parallel path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunParallel<TBody>(TBody body, nint units, int chunkUnits, long chunks, ParallelOptions parallel)
        where TBody : struct, IChunkBody =>
        Parallel.For(0L, chunks, parallel, chunk =>
        {
            var local = body;
            local.Execute((nint)(chunk * chunkUnits), (nint)Math.Min(units, (chunk + 1) * chunkUnits));
        });

    private long ChunkCount(nint units) => Math.Max(1, (units + ChunkUnits - 1) / ChunkUnits);

    private nint ChunkStart(long chunk) => (nint)(chunk * ChunkUnits);

    private nint ChunkEnd(long chunk, nint units) => (nint)Math.Min(units, (chunk + 1) * ChunkUnits);
}

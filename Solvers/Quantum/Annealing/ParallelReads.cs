using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// Runs independent reads on a bounded number of threads. Read r always uses the random stream (seed, r)
/// and writes slot r, so the samples do not depend on which thread ran which read.
/// </summary>
internal static class ParallelReads
{
    /// <summary>
    /// A read gets its index, its generator, the deadline (a <see cref="Stopwatch"/> timestamp) and its fair share
    /// of the time in seconds (the limit × parallel slots ÷ reads), to size its schedule by.
    /// </summary>
    public delegate QuboSample? Read(int index, ref Xoshiro256 random, long deadline, double budgetSeconds);

    public static QuboSampleSet Run(int reads, QuboSampleRequest request, Read read, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(request.TimeLimit.TotalSeconds * Stopwatch.Frequency);
        var results = new QuboSample?[reads];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Threads) };
        var budget = request.TimeLimit.TotalSeconds * Math.Min(parallel.MaxDegreeOfParallelism, reads) / reads;
        Parallel.For(0, reads, parallel, r =>
        {
            if (cancellationToken.IsCancellationRequested || (r > 0 && Stopwatch.GetTimestamp() >= deadline)) return;
            var random = new Xoshiro256(request.Seed, r);
            results[r] = read(r, ref random, deadline, budget);
        });
        var timedOut = Stopwatch.GetTimestamp() >= deadline || results.Any(s => s is null);
        return QuboSampleSet.From(results, timedOut);
    }

    /// <summary>
    /// The starting state of read r: the r-th given initial state, else uniformly random bits (so warm starts
    /// do not take away the diversity of the other reads).
    /// </summary>
    public static void InitialState(QuboSampleRequest request, int read, Span<byte> x, ref Xoshiro256 random)
    {
        if (request.InitialStates is { } initial && read < initial.Count)
        {
            initial[read].CopyTo(x);
            return;
        }
        for (var i = 0; i < x.Length; i++) x[i] = (byte)(random.NextUInt64() >> 63);
    }
}

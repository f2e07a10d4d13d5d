namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// Draws low-energy bitstrings of a QUBO (simulated annealing, quantum annealing simulation, tabu, a device).
/// Samplers know nothing about scheduling; their samples are decoded and checked by the caller.
/// </summary>
public interface IQuboSampler
{
    /// <summary>A short name for reports, e.g. "sa".</summary>
    string Name { get; }

    /// <summary>
    /// Samples until its own budget (reads × sweeps) is spent, the time limit passes or cancellation; returns
    /// what it has then (possibly fewer reads, never none unless cancelled before the first read began).
    /// </summary>
    QuboSampleSet Sample(QuboModel model, QuboSampleRequest request, CancellationToken cancellationToken);
}

/// <summary>One sampling call's seed, time limit, parallelism and optional starting states.</summary>
/// <param name="Seed">Reads derive their own seeds from it, so results do not depend on thread scheduling.</param>
/// <param name="TimeLimit">Wall-clock limit for the call.</param>
/// <param name="Threads">Worker threads (≥ 1).</param>
/// <param name="InitialStates">Starting bitstrings (e.g. a warm start) for the first reads; the other reads start at random.</param>
/// <param name="EnergyResolution">
/// The smallest energy difference that matters (e.g. one unit of cost), when the caller knows it; annealers end
/// cold enough to resolve it instead of guessing from the coefficients, which penalty terms make large.
/// </param>
/// <param name="Structure">
/// The scheduling structure of the model (one-hot groups, capacity penalties), when it is a scheduling QUBO;
/// samplers that can use it move between assignments with exact energy changes, the others ignore it.
/// </param>
public sealed record QuboSampleRequest(
    int Seed, TimeSpan TimeLimit, int Threads = 1, IReadOnlyList<byte[]>? InitialStates = null, double? EnergyResolution = null,
    QuboAssignmentStructure? Structure = null);

/// <summary>One bitstring and its energy.</summary>
public sealed record QuboSample(byte[] Bits, double Energy);

/// <summary>Samples ordered by energy, lowest first; <see cref="TimedOut"/> when the time limit cut the budget short.</summary>
public sealed record QuboSampleSet(IReadOnlyList<QuboSample> Samples, bool TimedOut)
{
    public static QuboSampleSet From(IEnumerable<QuboSample?> samples, bool timedOut) =>
        new(samples.OfType<QuboSample>().OrderBy(s => s.Energy).ToArray(), timedOut);
}

namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>How a QUBO backend turns samples into a schedule: penalty adaptation, repair and polish, batching.</summary>
public sealed record QuboSolveSettings
{
    /// <summary>
    /// Starting weight of every constraint; null = the default 1 + objective range (safe, but it can dwarf the
    /// objective in the energy landscape).
    /// </summary>
    public double? InitialPenalty { get; init; }

    /// <summary>Re-formulations with raised penalties while no raw sample is feasible. Default 6.</summary>
    public int MaxPenaltyRounds { get; init; } = 6;

    /// <summary>Factor applied to each violated constraint's weight per round. Default 2.</summary>
    public double PenaltyRaiseFactor { get; init; } = 2;

    /// <summary>Lowest-energy samples of each batch that are repaired and polished. Default 4.</summary>
    public int RefinedSamplesPerBatch { get; init; } = 4;

    /// <summary>Shift/swap improvement passes of the polish; 0 = repair only. Default 20.</summary>
    public int PolishPasses { get; init; } = 20;

    /// <summary>Sampling batches; null = keep sampling (new seeds) until the time limit or another stop rule. Default null.</summary>
    public int? MaxBatches { get; init; }

    /// <summary>Give the sampler the best assignment so far (and the problem's warm start) as starting states. Default false.</summary>
    public bool WarmStartSampler { get; init; }

    /// <summary>
    /// Share of the time left that the first batch's sampling may use; the rest goes to refining its samples and to the
    /// batches after it, which get <see cref="LaterBatchShare"/> of what is left each. Default 0.8: a backend whose first
    /// batch is its best use of the time (the <c>annealing</c> backend's long anneal) sets more.
    /// </summary>
    public double FirstBatchShare { get; init; } = LaterBatchShare;

    /// <summary>Share of the time left that each batch after the first may use for sampling; the rest is for refining its samples.</summary>
    public const double LaterBatchShare = 0.8;

    internal void Validate()
    {
        if (InitialPenalty is { } p && (!(p > 0) || !double.IsFinite(p)))
            throw new ArgumentOutOfRangeException(nameof(InitialPenalty), p, "The initial penalty must be positive and finite.");
        if (MaxPenaltyRounds < 0) throw new ArgumentOutOfRangeException(nameof(MaxPenaltyRounds), MaxPenaltyRounds, "Must not be negative.");
        if (!(PenaltyRaiseFactor > 1)) throw new ArgumentOutOfRangeException(nameof(PenaltyRaiseFactor), PenaltyRaiseFactor, "Must be greater than 1.");
        if (RefinedSamplesPerBatch < 1) throw new ArgumentOutOfRangeException(nameof(RefinedSamplesPerBatch), RefinedSamplesPerBatch, "At least one sample must be refined.");
        if (PolishPasses < 0) throw new ArgumentOutOfRangeException(nameof(PolishPasses), PolishPasses, "Must not be negative.");
        if (!(FirstBatchShare > 0 && FirstBatchShare < 1)) throw new ArgumentOutOfRangeException(nameof(FirstBatchShare), FirstBatchShare, "Must be above 0 and below 1: the first batch's samples must still be refined in the time left.");
        if (MaxBatches is < 1) throw new ArgumentOutOfRangeException(nameof(MaxBatches), MaxBatches, "At least one batch is needed.");
    }
}

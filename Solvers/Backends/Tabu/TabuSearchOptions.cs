namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// Tuning knobs of the <c>classical-tabu</c> backend. The defaults are the values measured on the GAP benchmark
/// (docs/solvers-classical-tabu.md); callers normally leave them alone and set only <see cref="SolveOptions"/>.
/// </summary>
public sealed record TabuSearchOptions
{
    /// <summary>
    /// Stop after this many search iterations per worker thread (a deterministic stop, useful for reproducible
    /// runs and tests); null = no cap, the search stops on the <see cref="SolveOptions"/> conditions only.
    /// </summary>
    public long? MaxIterations { get; init; }

    /// <summary>
    /// Stop after this many move evaluations per worker thread: a deterministic work limit that, unlike
    /// <see cref="MaxIterations"/>, is roughly proportional to CPU time whatever the problem size; null = no cap.
    /// </summary>
    public long? MaxEvaluations { get; init; }

    /// <summary>Shortest tabu tenure, in iterations; the tenure also grows with the square root of the problem size. Default 7.</summary>
    public int MinTenure { get; init; } = 7;

    /// <summary>Tenure as a multiple of √(tasks): the tenure is drawn uniformly from [MinTenure, MinTenure + this × √tasks]. Default 0.6.</summary>
    public double TenureScale { get; init; } = 0.6;

    /// <summary>Whether to search ejection chains (a task moves in, another is pushed out to a third agent) besides shifts and swaps. Default true.</summary>
    public bool EjectionChains { get; init; } = true;

    /// <summary>
    /// Bound on the swap (and on the ejection-chain) evaluations of one iteration. Larger problems evaluate the moves
    /// started by a random share of their tasks so that iterations stay fast. Default 20 000.
    /// </summary>
    public long PairEvaluationsPerIteration { get; init; } = 20_000;

    /// <summary>
    /// Random shift and swap moves scored per iteration on the schedule path (objectives or constraints that need
    /// times, and load balance), where each score builds a schedule. Default 64.
    /// </summary>
    public int ScheduleMovesPerIteration { get; init; } = 64;

    /// <summary>
    /// Relative growth of an overloaded agent's capacity penalty per iteration (strategic oscillation: the search
    /// is pushed back towards feasibility the longer an agent stays overloaded). Default 0.1.
    /// </summary>
    public double PenaltyIncrease { get; init; } = 0.1;

    /// <summary>Relative decay of a respected agent's capacity penalty per iteration, which lets the search cross infeasible space. Default 0.05.</summary>
    public double PenaltyDecrease { get; init; } = 0.05;

    /// <summary>
    /// Iterations without a better feasible solution, as a multiple of the task count, after which a worker
    /// restarts from a perturbed elite solution. Default 10.
    /// </summary>
    public double RestartAfterTaskMultiple { get; init; } = 10;

    /// <summary>Share of the movable tasks reassigned at random when restarting from an elite solution. Default 0.05.</summary>
    public double PerturbationShare { get; init; } = 0.05;

    /// <summary>Number of distinct feasible solutions kept as restart points. Default 8.</summary>
    public int EliteSize { get; init; } = 8;

    /// <summary>
    /// Move evaluations per worker between two synchronisation points of a multi-threaded run, where the workers
    /// share their elite solutions. Counted in evaluations (not time) so the trajectory does not depend on the clock. Default 20 000 000.
    /// </summary>
    public long EvaluationsPerEpoch { get; init; } = 20_000_000;

    /// <summary>Rejects values that would make the search meaningless, naming the option.</summary>
    public void Validate()
    {
        if (MaxIterations is <= 0) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "must be positive when set");
        if (MaxEvaluations is <= 0) throw new ArgumentOutOfRangeException(nameof(MaxEvaluations), MaxEvaluations, "must be positive when set");
        if (MinTenure < 0) throw new ArgumentOutOfRangeException(nameof(MinTenure), MinTenure, "must not be negative");
        if (TenureScale < 0) throw new ArgumentOutOfRangeException(nameof(TenureScale), TenureScale, "must not be negative");
        if (PenaltyIncrease is <= 0 or > 10) throw new ArgumentOutOfRangeException(nameof(PenaltyIncrease), PenaltyIncrease, "must be in (0, 10]");
        if (PenaltyDecrease is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(PenaltyDecrease), PenaltyDecrease, "must be in (0, 1)");
        if (RestartAfterTaskMultiple <= 0) throw new ArgumentOutOfRangeException(nameof(RestartAfterTaskMultiple), RestartAfterTaskMultiple, "must be positive");
        if (PerturbationShare is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(PerturbationShare), PerturbationShare, "must be in [0, 1]");
        if (EliteSize < 1) throw new ArgumentOutOfRangeException(nameof(EliteSize), EliteSize, "must be at least 1");
        if (PairEvaluationsPerIteration < 100) throw new ArgumentOutOfRangeException(nameof(PairEvaluationsPerIteration), PairEvaluationsPerIteration, "must be at least 100");
        if (ScheduleMovesPerIteration < 1) throw new ArgumentOutOfRangeException(nameof(ScheduleMovesPerIteration), ScheduleMovesPerIteration, "must be at least 1");
        if (EvaluationsPerEpoch < 1000) throw new ArgumentOutOfRangeException(nameof(EvaluationsPerEpoch), EvaluationsPerEpoch, "must be at least 1000");
    }
}

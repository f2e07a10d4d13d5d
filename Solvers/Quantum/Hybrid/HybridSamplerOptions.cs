namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>Settings of <see cref="HybridQuboSampler"/>.</summary>
public sealed record HybridSamplerOptions
{
    /// <summary>Independent reads (each a full tabu-and-decomposition run) per sampling call. Default 4.</summary>
    public int Reads { get; init; } = 4;

    /// <summary>Largest subproblem k (also capped by the sub-solver's own limit). Default 50.</summary>
    public int SubproblemSize { get; init; } = 50;

    /// <summary>Decomposition passes (each: every window once, then tabu) per read. Default 20.</summary>
    public int MaxPasses { get; init; } = 20;

    /// <summary>Stop a read after this many passes without a new best. Default 3.</summary>
    public int UnimprovedPasses { get; init; } = 3;

    /// <summary>
    /// After a pass without a new best, the next starts from the best with this share of the tasks sent to random
    /// other agents (on the one-hot path); 0 = go on from where the pass ended. Default 0.05.
    /// </summary>
    public double PerturbationShare { get; init; } = 0.05;

    /// <summary>Tabu steps per tabu phase, as a multiple of the variable count. Default 10.</summary>
    public int TabuStepsPerVariable { get; init; } = 10;

    /// <summary>
    /// On a scheduling QUBO (the request carries its structure), run tabu with one-hot moves and constraint-aware
    /// windows instead of single flips and plain impact windows. Default true.
    /// </summary>
    public bool OneHotMoves { get; init; } = true;

    /// <summary>
    /// About how many swaps and ejection chains the one-hot tabu evaluates per step: each step a random share of the
    /// tasks starts moves (all of them when n² is at most this), each with every task on another agent. 0 = shifts
    /// only. Default 20 000.
    /// </summary>
    public int PairsPerStep { get; init; } = 20_000;

    /// <summary>
    /// Strategic oscillation in the one-hot tabu: an overloaded agent's capacity weight grows by this share per
    /// step, up to the model's weight; 0 = search with the model's weights only. Default 0.3.
    /// </summary>
    public double OscillationIncrease { get; init; } = 0.3;

    /// <summary>
    /// The one-hot tabu steers through overloaded states by weight × excess (a linear surrogate, as classical
    /// strategic-oscillation tabu searches do) instead of the QUBO's weight × excess². Feasible assignments cost the
    /// same either way, and every best point, aspiration test, window merge and returned sample is judged by the
    /// model's own QUBO energy; only the guide differs. The QUBO's quadratic penalty makes a one-unit overload nearly
    /// free and a heavy task's overload prohibitive at the same weight, and measured 2–7× worse on the tight
    /// Yagiura instances (docs/qubo-annealing-hybrid.md). false = steer by the QUBO energy with oscillating weights
    /// only. Default true.
    /// </summary>
    public bool LinearOverloadGuidance { get; init; } = true;

    /// <summary>A respected agent's capacity weight shrinks by this share per step. Default 0.05.</summary>
    public double OscillationDecrease { get; init; } = 0.05;

    /// <summary>The smallest capacity weight the oscillation reaches, as a share of the model's weight. Default 1e-6.</summary>
    public double OscillationFloor { get; init; } = 1e-6;

    internal TabuOscillation? Oscillation => OscillationIncrease > 0 ? new TabuOscillation(OscillationIncrease, OscillationDecrease, OscillationFloor) : null;

    internal void Validate()
    {
        if (Reads < 1) throw new ArgumentOutOfRangeException(nameof(Reads), Reads, "At least one read is needed.");
        if (SubproblemSize < 1) throw new ArgumentOutOfRangeException(nameof(SubproblemSize), SubproblemSize, "Subproblems need at least one variable.");
        if (MaxPasses < 1) throw new ArgumentOutOfRangeException(nameof(MaxPasses), MaxPasses, "At least one pass is needed.");
        if (UnimprovedPasses < 1) throw new ArgumentOutOfRangeException(nameof(UnimprovedPasses), UnimprovedPasses, "Must be at least 1.");
        if (PairsPerStep < 0) throw new ArgumentOutOfRangeException(nameof(PairsPerStep), PairsPerStep, "Must not be negative.");
        if (OscillationIncrease < 0) throw new ArgumentOutOfRangeException(nameof(OscillationIncrease), OscillationIncrease, "Must not be negative.");
        if (!(OscillationDecrease is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(OscillationDecrease), OscillationDecrease, "Must be in [0, 1).");
        if (!(OscillationFloor is > 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(OscillationFloor), OscillationFloor, "Must be in (0, 1].");
        if (!(PerturbationShare is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(PerturbationShare), PerturbationShare, "Must be in [0, 1].");
        if (TabuStepsPerVariable < 0) throw new ArgumentOutOfRangeException(nameof(TabuStepsPerVariable), TabuStepsPerVariable, "Must not be negative.");
    }
}

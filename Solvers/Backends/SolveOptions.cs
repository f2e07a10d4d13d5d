namespace QuantumScheduler.Solvers.Backends;

/// <summary>How long and how a backend may search.</summary>
public sealed record SolveOptions
{
    /// <summary>Wall-clock limit; the backend returns its best solution when it is reached.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Stop when the best objective has not improved for this long; null = never.</summary>
    public TimeSpan? UnimprovedTimeLimit { get; init; }

    /// <summary>Stop when the relative gap to the proven bound is at most this (exact backends); null = prove optimality.</summary>
    public double? TargetGap { get; init; }

    /// <summary>Stop as soon as a feasible solution at least this good is found; null = none.</summary>
    public double? TargetObjective { get; init; }

    /// <summary>Seed for reproducible runs: the same seed and thread count give the same result.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Worker threads; 0 = all cores.</summary>
    public int Threads { get; init; } = 1;
}

/// <summary>A best-so-far report during a solve.</summary>
public sealed record SolveProgress(TimeSpan Elapsed, double BestObjective, bool BestIsFeasible, int[] AgentOfTask, double? Bound);

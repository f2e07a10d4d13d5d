namespace QuantumScheduler.Solvers.Model;

/// <summary>What to optimise. A weighted mix adds the terms with the given weights.</summary>
public sealed record Objective
{
    public ObjectiveKind Kind { get; init; } = ObjectiveKind.TotalCost;

    /// <summary>Maximise is for profit matrices such as OR-Library's GAP sets; everything else minimises.</summary>
    public ObjectiveSense Sense { get; init; } = ObjectiveSense.Minimize;

    /// <summary>Weights of the terms when <see cref="Kind"/> is <see cref="ObjectiveKind.WeightedMix"/>.</summary>
    public ObjectiveWeights Weights { get; init; } = new();
}

public enum ObjectiveKind
{
    /// <summary>Σ cost(task, agent): the per-pair override, else duration × the agent's cost rate.</summary>
    TotalCost,

    /// <summary>The latest end time of any assigned task.</summary>
    Makespan,

    /// <summary>Σ priority × max(0, end − deadline).</summary>
    WeightedTardiness,

    /// <summary>Fairness: the largest load-to-capacity ratio (or load, for agents without capacity) over agents.</summary>
    LoadBalance,

    /// <summary>Σ weight × term over the four terms above.</summary>
    WeightedMix,
}

public enum ObjectiveSense
{
    Minimize,
    Maximize,
}

public sealed record ObjectiveWeights
{
    public double Cost { get; init; } = 1;
    public double Makespan { get; init; }
    public double WeightedTardiness { get; init; }
    public double LoadBalance { get; init; }
}

namespace QuantumScheduler.Solvers.Model;

/// <summary>
/// Which rules are hard (a schedule breaking them is infeasible) and which are soft (breaking them costs
/// the given weight per unit). Skills, pinned assignments, dependencies and availability are always hard.
/// </summary>
public sealed record ConstraintSettings
{
    /// <summary>Capacity: hard by default; soft costs weight × excess load.</summary>
    public ConstraintLevel Capacity { get; init; } = ConstraintLevel.Hard;

    /// <summary>Deadlines: hard by default; soft costs weight × priority × lateness.</summary>
    public ConstraintLevel Deadlines { get; init; } = ConstraintLevel.Hard;

    /// <summary>Whether a task may stay unassigned, at <see cref="UnassignedPenalty"/> × its priority.</summary>
    public bool AllowUnassigned { get; init; }

    public double UnassignedPenalty { get; init; } = 1000;
}

/// <summary>A constraint is hard, or soft with a weight per unit of violation.</summary>
public sealed record ConstraintLevel(bool IsHard, double Weight)
{
    public static ConstraintLevel Hard { get; } = new(true, 0);
    public static ConstraintLevel Soft(double weight) => new(false, weight);
}

namespace QuantumScheduler.Solvers.Model;

/// <summary>Someone or something that performs tasks, one at a time.</summary>
public sealed record Agent
{
    public required string Id { get; init; }

    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>The total load this agent may carry over the problem (see <see cref="SchedulingProblem"/>); null = unlimited.</summary>
    public double? Capacity { get; init; }

    /// <summary>Money per unit of time worked; a task's default cost on this agent is its duration × this rate.</summary>
    public double CostRate { get; init; }

    /// <summary>Intervals [Start, End) in which the agent works; a task runs wholly inside one. Null = always available.</summary>
    public IReadOnlyList<TimeWindow>? Availability { get; init; }
}

/// <summary>A half-open interval of time units [Start, End).</summary>
public readonly record struct TimeWindow(double Start, double End);

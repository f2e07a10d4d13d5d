namespace QuantumScheduler.Solvers.Model;

/// <summary>A piece of work to be given to exactly one agent (or left unassigned where that is allowed).</summary>
public sealed record SchedulingTask
{
    public required string Id { get; init; }

    /// <summary>Every one of these must be among the agent's skills.</summary>
    public IReadOnlyList<string> RequiredSkills { get; init; } = [];

    /// <summary>Time units the task takes on an agent, unless overridden per agent.</summary>
    public double Duration { get; init; } = 1;

    /// <summary>Capacity used on the agent (see <see cref="SchedulingProblem"/>); null = the duration on that agent.</summary>
    public double? Load { get; init; }

    /// <summary>Weight of the task in tardiness and in the unassigned penalty; higher is more important.</summary>
    public double Priority { get; init; } = 1;

    /// <summary>Earliest start.</summary>
    public double ReleaseTime { get; init; }

    /// <summary>Latest end; hard or soft according to <see cref="ConstraintSettings.Deadlines"/>.</summary>
    public double? Deadline { get; init; }

    /// <summary>Tasks that must end before this one starts (finish-to-start), on any agent.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];
}

/// <summary>Values for one task on one agent that replace the defaults. Null fields keep the default.</summary>
public sealed record TaskAgentOverride
{
    public required string TaskId { get; init; }
    public required string AgentId { get; init; }
    public double? Cost { get; init; }
    public double? Load { get; init; }
    public double? Duration { get; init; }
}

namespace QuantumScheduler.Solvers.Model;

/// <summary>
/// A scheduling problem: put each task on one agent that has its skills, within the agents' capacities,
/// and order each agent's tasks in time so that dependencies, availability windows and deadlines hold.
/// <para>
/// Capacity, defined once: an agent's <see cref="Agent.Capacity"/> is the total <em>load</em> it may be
/// given over the whole problem. A task's load on an agent is its per-pair load override, else the task's
/// <see cref="SchedulingTask.Load"/>, else its duration on that agent. Agents work on one task at a time;
/// concurrency is never what "capacity" means here. This is exactly the Generalized Assignment Problem's
/// capacity b[i] with resource use r[i][j].
/// </para>
/// </summary>
public sealed record SchedulingProblem
{
    public string Name { get; init; } = "problem";

    public IReadOnlyList<Agent> Agents { get; init; } = [];

    public IReadOnlyList<SchedulingTask> Tasks { get; init; } = [];

    /// <summary>Per task-agent cost, load or duration that differ from the defaults.</summary>
    public IReadOnlyList<TaskAgentOverride> Overrides { get; init; } = [];

    /// <summary>Assignments fixed by the user; every backend keeps them.</summary>
    public IReadOnlyList<Assignment> Pinned { get; init; } = [];

    /// <summary>An optional starting assignment (warm start); backends may improve on it.</summary>
    public IReadOnlyList<Assignment>? InitialSolution { get; init; }

    public Objective Objective { get; init; } = new();

    public ConstraintSettings Constraints { get; init; } = new();
}

/// <summary>One task placed on one agent (times are decided by the schedule, not here).</summary>
public sealed record Assignment(string TaskId, string AgentId);

namespace QuantumScheduler.Solvers.Checking;

/// <summary>The rules a schedule is checked against.</summary>
public enum ConstraintKind
{
    /// <summary>The assignment names an agent that does not exist, or has the wrong length.</summary>
    Assignment,

    /// <summary>A task has no agent (hard unless unassigned tasks are allowed, then a priority-weighted penalty).</summary>
    Unassigned,

    /// <summary>The agent lacks a skill the task requires.</summary>
    Skills,

    /// <summary>A pinned task is not on its pinned agent.</summary>
    Pinned,

    /// <summary>An agent's total load exceeds its capacity.</summary>
    Capacity,

    /// <summary>A task starts before a task it depends on has ended, or depends on a task without a time.</summary>
    Dependencies,

    /// <summary>A task starts before its release time.</summary>
    ReleaseTime,

    /// <summary>A task is not wholly inside one of its agent's availability windows.</summary>
    Availability,

    /// <summary>A task ends after its deadline.</summary>
    Deadline,

    /// <summary>Two tasks of one agent overlap in time.</summary>
    Overlap,

    /// <summary>A task's end is not its start plus its duration on its agent.</summary>
    Duration,

    /// <summary>An assigned task has no start and end time.</summary>
    Unscheduled,
}

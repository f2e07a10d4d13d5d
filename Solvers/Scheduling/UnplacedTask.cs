namespace QuantumScheduler.Solvers.Scheduling;

/// <summary>An assigned task the schedule builder could not give a time, and why.</summary>
public sealed record UnplacedTask(int Task, int Agent, UnplacedReason Reason, string Message);

public enum UnplacedReason
{
    /// <summary>A task it depends on is unassigned, so it can never start.</summary>
    PredecessorUnassigned,

    /// <summary>A task it depends on could not be placed (or the dependencies form a cycle).</summary>
    PredecessorUnplaced,

    /// <summary>No free stretch of the agent's availability windows is long enough after its earliest start.</summary>
    NoAvailabilityWindow,
}

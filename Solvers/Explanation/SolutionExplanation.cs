namespace QuantumScheduler.Solvers.Explanation;

/// <summary>Why a solution scores what it scores: the score per term and constraint, and why each unassigned task is unassigned.</summary>
public sealed record SolutionExplanation(IReadOnlyList<ScoreTerm> Terms, IReadOnlyList<UnassignedTaskReason> Unassigned);

/// <summary>
/// One part of the score — an objective term or a broken constraint — with its total and the assignments
/// that make it up. For hard constraints <see cref="Value"/> is the summed violation amount, for soft ones
/// the summed penalty, for objective terms the term's (weighted) value.
/// </summary>
public sealed record ScoreTerm(string Name, ScoreTermKind Kind, double Value, IReadOnlyList<ScoreContribution> Contributions);

public enum ScoreTermKind
{
    Objective,
    Hard,
    Soft,
}

/// <summary>What one assignment (or group of them) adds to a score term.</summary>
public sealed record ScoreContribution(IReadOnlyList<string> TaskIds, IReadOnlyList<string> AgentIds, double Amount, string Description);

/// <summary>An unassigned task and the reason it could not be placed.</summary>
public sealed record UnassignedTaskReason(string TaskId, UnassignedReasonKind Kind, string Reason);

public enum UnassignedReasonKind
{
    /// <summary>No agent has all the task's required skills.</summary>
    NoSkilledAgent,

    /// <summary>The task depends on a task that is unassigned.</summary>
    DependsOnUnassigned,

    /// <summary>Every eligible agent is too full to take the task's load.</summary>
    NoCapacity,

    /// <summary>No eligible agent has an availability window long enough.</summary>
    NoAvailabilityWindow,

    /// <summary>The task cannot meet its hard deadline on any eligible agent.</summary>
    DeadlineUnreachable,

    /// <summary>Every eligible agent is ruled out, for different reasons (listed).</summary>
    EveryAgentRuledOut,

    /// <summary>An agent could take it, but leaving it out scored better (its penalty was cheaper).</summary>
    NotWorthAssigning,
}

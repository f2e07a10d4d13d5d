namespace QuantumScheduler.Solvers.Diagnosis;

/// <summary>
/// Why no feasible schedule exists. When <see cref="Conflicts"/> is non-empty each conflict is a proof:
/// a small set of tasks, agents and rules that cannot all hold, whatever any solver does. When it is
/// empty, analysis found no such proof and the problem may simply be hard for the backend in its time.
/// </summary>
public sealed record InfeasibilityDiagnosis(IReadOnlyList<Conflict> Conflicts, string Summary)
{
    public bool ProvesInfeasible => Conflicts.Count > 0;
}

/// <summary>
/// A set of constraints that cannot all be satisfied. <see cref="Demand"/> and <see cref="Supply"/> are
/// the two numbers that clash (load against capacity, time needed against time allowed), when there are.
/// </summary>
public sealed record Conflict(
    ConflictKind Kind,
    IReadOnlyList<string> TaskIds,
    IReadOnlyList<string> AgentIds,
    double? Demand,
    double? Supply,
    string Message)
{
    public override string ToString() => Message;
}

public enum ConflictKind
{
    /// <summary>Tasks depend on each other in a circle.</summary>
    DependencyCycle,

    /// <summary>A task that must be assigned has no agent that can take it even alone (skills, load, windows, deadline).</summary>
    TaskFitsNoAgent,

    /// <summary>Tasks pinned to one agent need more than its capacity.</summary>
    PinnedOverload,

    /// <summary>Tasks that only a group of agents can take need more than the group's total capacity.</summary>
    SkillGroupCapacity,

    /// <summary>The tasks need more than all agents' capacity together.</summary>
    TotalCapacity,

    /// <summary>A chain of dependent tasks takes longer than the last one's deadline allows.</summary>
    DependencyChainTooLong,

    /// <summary>Tasks that only a group of agents can take need more working time between their release and deadlines than the group has.</summary>
    DeadlineGroupTime,
}

using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>
/// Decides whether the assignment MIP expresses a problem exactly. The model has no time variables, so anything
/// whose value depends on when tasks run (dependencies, deadlines, availability windows, tardiness) is refused;
/// makespan is modelled as the largest per-agent sum of durations, which is exact only when nothing delays a task.
/// </summary>
internal static class MipSupport
{
    public static BackendCapabilities Capabilities { get; } = new()
    {
        Objectives = new HashSet<ObjectiveKind> { ObjectiveKind.TotalCost, ObjectiveKind.Makespan, ObjectiveKind.LoadBalance, ObjectiveKind.WeightedMix },
        SupportsDependencies = false,
        SupportsDeadlines = false,
        SupportsAvailability = false,
        SupportsSoftConstraints = true,
        SupportsUnassigned = true,
        SupportsWarmStart = true,
        SupportsPinning = true,
        ProvidesBound = true,
    };

    /// <summary>The reason the problem cannot be solved exactly by the MIP, or null when it can.</summary>
    public static string? WhyUnsupported(SchedulingProblem problem)
    {
        const string Prefix = "classical-mip has no time-indexed variables, so it cannot model ";
        var objective = problem.Objective;
        var weights = ObjectiveTerms.EffectiveWeights(objective);
        if (weights.WeightedTardiness != 0)
            return Prefix + "the weighted-tardiness objective (use classical-tabu)";
        if (objective.Sense == ObjectiveSense.Maximize && objective.Kind != ObjectiveKind.TotalCost)
            return $"classical-mip maximises only the TotalCost objective (profit); {objective.Kind} is always minimised";
        if (problem.Tasks.FirstOrDefault(t => t.Dependencies.Count > 0) is { } dependent)
            return Prefix + $"dependencies (task \"{dependent.Id}\" has some)";
        if (problem.Tasks.FirstOrDefault(t => t.Deadline is not null) is { } due)
            return Prefix + $"deadlines (task \"{due.Id}\" has one)";
        if (problem.Agents.FirstOrDefault(a => a.Availability is not null) is { } windowed)
            return Prefix + $"availability windows (agent \"{windowed.Id}\" has some)";
        if (weights.Makespan != 0 && problem.Tasks.FirstOrDefault(t => t.ReleaseTime > 0) is { } released)
            return Prefix + $"makespan with release times (task \"{released.Id}\" starts no earlier than {released.ReleaseTime})";
        return null;
    }
}

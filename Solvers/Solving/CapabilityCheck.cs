using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Solving;

/// <summary>Why a backend cannot take a problem: each feature the problem uses that the backend does not support.</summary>
public static class CapabilityCheck
{
    /// <summary>The reasons to refuse; empty when the backend supports everything the problem uses.</summary>
    public static IReadOnlyList<string> Refusals(ProblemInstance instance, BackendCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(capabilities);
        var problem = instance.Problem;
        var reasons = new List<string>();

        if (!capabilities.Objectives.Contains(problem.Objective.Kind))
            reasons.Add($"objective {problem.Objective.Kind} is not supported (supported: {string.Join(", ", capabilities.Objectives.Order())})");
        if (!capabilities.SupportsDependencies && problem.Tasks.Any(t => t.Dependencies.Count > 0))
            reasons.Add("tasks have dependencies, which this backend does not support");
        if (!capabilities.SupportsDeadlines && problem.Tasks.Any(t => t.Deadline is not null))
            reasons.Add("tasks have deadlines, which this backend does not support");
        if (!capabilities.SupportsAvailability && problem.Agents.Any(a => a.Availability is not null))
            reasons.Add("agents have availability windows, which this backend does not support");
        if (!capabilities.SupportsSoftConstraints && (!problem.Constraints.Capacity.IsHard || !problem.Constraints.Deadlines.IsHard))
            reasons.Add("soft capacity or deadline constraints are not supported");
        if (!capabilities.SupportsUnassigned && problem.Constraints.AllowUnassigned)
            reasons.Add("optional (unassigned) tasks are not supported");
        if (!capabilities.SupportsPinning && problem.Pinned.Count > 0)
            reasons.Add("pinned assignments are not supported");

        var variables = instance.EligibleAgents.Sum(e => (long)e.Length);
        if (capabilities.MaxVariables is { } max && variables > max)
            reasons.Add($"the problem has {variables} task-agent variables; this backend accepts at most {max}");
        return reasons;
    }
}

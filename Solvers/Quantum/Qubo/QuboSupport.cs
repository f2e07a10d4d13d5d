using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// What the assignment QUBO can express. Dependencies, deadlines and availability windows are about time,
/// which x[t,a] variables do not have (they would need time-indexed variables x[t,a,τ] and blow up the qubit
/// count), and makespan and tardiness are maxima over times; problems that need them are refused with the
/// reason instead of being solved on a relaxation the caller did not ask for.
/// </summary>
public static class QuboSupport
{
    /// <summary>Capabilities shared by the QUBO backends; <paramref name="maxVariables"/> caps the x[t,a] count.</summary>
    public static BackendCapabilities Capabilities(bool warmStart, int? maxVariables = null, int? maxQubits = null) => new()
    {
        Objectives = new HashSet<ObjectiveKind> { ObjectiveKind.TotalCost, ObjectiveKind.LoadBalance, ObjectiveKind.WeightedMix },
        SupportsDependencies = false,
        SupportsDeadlines = false,
        SupportsAvailability = false,
        SupportsSoftConstraints = false,
        SupportsUnassigned = true,
        SupportsWarmStart = warmStart,
        SupportsPinning = true,
        ProvidesBound = false,
        MaxVariables = maxVariables,
        MaxQubits = maxQubits,
    };

    /// <summary>Why the QUBO cannot represent this problem, or null when it can.</summary>
    public static string? RefusalReason(ProblemInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var problem = instance.Problem;
        var objective = problem.Objective;

        if (objective.Kind is ObjectiveKind.Makespan or ObjectiveKind.WeightedTardiness)
            return $"the {objective.Kind} objective depends on start times, which the assignment QUBO does not model; use a classical backend";
        if (objective.Kind == ObjectiveKind.WeightedMix && (objective.Weights.Makespan != 0 || objective.Weights.WeightedTardiness != 0))
            return "the weighted mix gives weight to makespan or tardiness, which depend on start times the assignment QUBO does not model";
        if (objective.Sense == ObjectiveSense.Maximize && objective.Kind != ObjectiveKind.TotalCost)
            return "maximisation is supported for the TotalCost (profit) objective only";

        var withDependencies = problem.Tasks.FirstOrDefault(t => t.Dependencies.Count > 0);
        if (withDependencies is not null)
            return $"task \"{withDependencies.Id}\" has dependencies; precedence needs time-indexed variables the assignment QUBO does not have";
        var withDeadline = problem.Tasks.FirstOrDefault(t => t.Deadline is not null);
        if (withDeadline is not null)
            return $"task \"{withDeadline.Id}\" has a deadline; deadlines need start times the assignment QUBO does not model";
        var withWindows = problem.Agents.FirstOrDefault(a => a.Availability is not null);
        if (withWindows is not null)
            return $"agent \"{withWindows.Id}\" has availability windows; they need start times the assignment QUBO does not model";
        if (!problem.Constraints.Capacity.IsHard && instance.Capacity.Any(double.IsFinite))
            return "soft capacity (a linear cost per unit of excess) cannot be written as a quadratic penalty; make capacity hard or use a classical backend";
        return null;
    }
}

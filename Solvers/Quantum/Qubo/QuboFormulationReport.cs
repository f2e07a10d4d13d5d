using System.Globalization;

namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>The size of a scheduling QUBO and the penalty weights it was built with.</summary>
public sealed record QuboFormulationReport
{
    /// <summary>x[t,a] variables: eligible, unpinned pairs whose load fits the agent.</summary>
    public required int AssignmentVariables { get; init; }

    /// <summary>Capacity slack bits s[a,k].</summary>
    public required int SlackBits { get; init; }

    /// <summary>All binary variables, i.e. the qubits a device would need (before any embedding).</summary>
    public int Qubits => AssignmentVariables + SlackBits;

    public required int QuadraticTerms { get; init; }

    /// <summary>Task-agent pairs with no variable: missing skills, a load above the capacity, or a pinned task.</summary>
    public required int EliminatedPairs { get; init; }

    /// <summary>Tasks fixed to their pinned agent (their cost and load are folded into constants).</summary>
    public required int PinnedTasks { get; init; }

    /// <summary>Capacity constraints present as penalty terms.</summary>
    public required int CapacityConstraints { get; init; }

    /// <summary>Finite capacities that no assignment can exceed, so no term (and no slack) was needed.</summary>
    public required int RedundantCapacityConstraints { get; init; }

    /// <summary>Upper minus lower bound of the objective over assignments: the basis of the default penalty.</summary>
    public required double ObjectiveRange { get; init; }

    /// <summary>
    /// The smallest objective difference between two options of one task (or a thousandth of the range when
    /// there is none): how fine the energy must be resolved, passed to samplers as their cold end.
    /// </summary>
    public required double ObjectiveResolution { get; init; }

    /// <summary>1 + <see cref="ObjectiveRange"/>.</summary>
    public required double DefaultPenalty { get; init; }

    public required IReadOnlyList<double> TaskPenalties { get; init; }
    public required IReadOnlyList<double> AgentPenalties { get; init; }

    /// <summary>The report as <c>qubo.*</c> entries for <see cref="Backends.BackendResult.Details"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToDetails()
    {
        static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        yield return new("qubo.variables", Qubits.ToString(CultureInfo.InvariantCulture));
        yield return new("qubo.assignmentVariables", AssignmentVariables.ToString(CultureInfo.InvariantCulture));
        yield return new("qubo.slackBits", SlackBits.ToString(CultureInfo.InvariantCulture));
        yield return new("qubo.quadraticTerms", QuadraticTerms.ToString(CultureInfo.InvariantCulture));
        yield return new("qubo.eliminatedPairs", EliminatedPairs.ToString(CultureInfo.InvariantCulture));
        yield return new("qubo.capacityConstraints", CapacityConstraints.ToString(CultureInfo.InvariantCulture));
        yield return new("qubo.redundantCapacityConstraints", RedundantCapacityConstraints.ToString(CultureInfo.InvariantCulture));
        yield return new("qubo.objectiveRange", F(ObjectiveRange));
        yield return new("qubo.objectiveResolution", F(ObjectiveResolution));
        yield return new("qubo.defaultPenalty", F(DefaultPenalty));
        yield return new("qubo.taskPenalty.max", F(TaskPenalties.DefaultIfEmpty(0).Max()));
        yield return new("qubo.agentPenalty.max", F(AgentPenalties.DefaultIfEmpty(0).Max()));
    }
}

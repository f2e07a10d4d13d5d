using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Validation;

namespace QuantumScheduler.Solvers.Diagnosis;

/// <summary>
/// Looks for proofs that a problem has no feasible schedule, by analysis of the problem alone (no
/// solver, no guessing): dependency cycles, tasks that fit no agent, pinned overloads, capacity
/// conflicts within skill groups and overall, dependency chains too long for their deadlines, and
/// groups of tasks that need more working time before their deadlines than their agents have.
/// Each conflict names the tasks, agents and numbers involved and is kept as small as the analysis can.
/// </summary>
public static class InfeasibilityDiagnoser
{
    public static InfeasibilityDiagnosis Diagnose(ProblemInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var context = new DiagnosisContext(instance);
        var conflicts = new List<Conflict>();

        foreach (var cycle in DependencyCycles.Find(instance.Predecessors))
        {
            var ids = cycle.Select(context.TaskId).ToList();
            conflicts.Add(new Conflict(ConflictKind.DependencyCycle, ids, [], null, null,
                $"tasks {string.Join(" → ", ids.Append(ids[0]))} depend on each other in a cycle (each depends on the next)"));
        }
        conflicts.AddRange(TaskFitAnalysis.Find(context));
        var pinned = PinnedOverloadAnalysis.Find(context).ToList();
        conflicts.AddRange(pinned);
        var explainedGroups = pinned.Select(c => (IReadOnlySet<int>)c.AgentIds.Select(id => instance.AgentIndex[id]).ToHashSet()).ToList();
        conflicts.AddRange(SkillGroupCapacityAnalysis.Find(context, explainedGroups));
        conflicts.AddRange(DependencyChainAnalysis.Find(context));
        conflicts.AddRange(DeadlineGroupAnalysis.Find(context));

        var summary = conflicts.Count switch
        {
            0 => "no conflict was proven by analysis; the backend found no feasible schedule within its limits, but one may exist",
            1 => $"infeasible: {conflicts[0].Message}",
            _ => $"infeasible ({conflicts.Count} conflicts): {conflicts[0].Message}",
        };
        return new InfeasibilityDiagnosis(conflicts, summary);
    }
}

using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Grains.Workers;

/// <summary>Turns the pipeline's checked <see cref="Solution"/> into the <see cref="JobResult"/> that travels to clients.</summary>
public static class JobResultMapper
{
    public static JobResult ToJobResult(string jobId, Solution solution, IReadOnlyList<string> agentIds)
    {
        // A baseline whose own schedule is infeasible is no reference for the objective.
        var reference = QuantumComparisonRecord.TryReadBaseline(solution.BackendDetails, out var baseline, out _) && baseline.IsFeasible ? baseline : null;
        return new JobResult
        {
            JobId = jobId,
            Backend = solution.Backend,
            Status = solution.Status.ToString(),
            IsFeasible = solution.IsFeasible,
            Objective = solution.Objective,
            Bound = solution.Bound,
            Gap = solution.Gap,
            QuboEnergy = solution.QuboEnergy,
            Assignments = solution.Assignments.Select(static a => new ScheduledTaskResult(a.TaskId, a.AgentId, a.Start, a.End)).ToList(),
            UnassignedTaskIds = solution.UnassignedTaskIds,
            Violations = solution.Violations.Select(static v => v.ToString()).ToList(),
            WallTime = solution.WallTime,
            Details = new Dictionary<string, string>(solution.BackendDetails),
            AgentIds = agentIds,
            ClassicalReferenceObjective = reference?.Objective,
            ClassicalReferenceBackend = reference?.Backend,
        };
    }
}

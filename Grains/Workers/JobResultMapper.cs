using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Grains.Workers;

/// <summary>Turns the pipeline's checked <see cref="Solution"/> into the <see cref="JobResult"/> that travels to clients.</summary>
public static class JobResultMapper
{
    public static JobResult ToJobResult(string jobId, Solution solution, IReadOnlyList<string> agentIds) => new()
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
    };
}

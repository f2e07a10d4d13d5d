using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Cli.Rendering;

/// <summary>A schedule as the result views show it, whether it came from a job on the service or an offline solve.</summary>
internal sealed record ScheduleView
{
    public required string Backend { get; init; }
    public required string Status { get; init; }
    public required bool IsFeasible { get; init; }
    public double Objective { get; init; }
    public double? Bound { get; init; }
    public double? Gap { get; init; }
    public TimeSpan WallTime { get; init; }
    public bool FromCache { get; init; }
    public double? ClassicalReferenceObjective { get; init; }
    public string? ClassicalReferenceBackend { get; init; }
    public required IReadOnlyList<ScheduledTaskView> Assignments { get; init; }
    public IReadOnlyList<string> AgentIds { get; init; } = [];
    public IReadOnlyList<string> Unassigned { get; init; } = [];
    public IReadOnlyList<string> Violations { get; init; } = [];

    /// <summary>True when the problem has durations and every task got a time: the chart is a Gantt chart.</summary>
    public required bool IsTimed { get; init; }

    public static ScheduleView From(JobResult result) => new()
    {
        Backend = result.Backend,
        Status = result.Status,
        IsFeasible = result.IsFeasible,
        Objective = result.Objective,
        Bound = result.Bound,
        Gap = result.Gap,
        WallTime = result.WallTime,
        FromCache = result.FromCache,
        ClassicalReferenceObjective = result.ClassicalReferenceObjective,
        ClassicalReferenceBackend = result.ClassicalReferenceBackend,
        Assignments = result.Assignments.Select(static a => new ScheduledTaskView(a.TaskId, a.AgentId, a.Start, a.End, null)).ToList(),
        AgentIds = result.AgentIds,
        Unassigned = result.UnassignedTaskIds,
        Violations = result.Violations,
        // A job's result does not carry the problem, so times are all there is to go by.
        IsTimed = result.Assignments.Count > 0 && result.Assignments.All(static a => a.Start is not null && a.End is not null),
    };

    public static ScheduleView From(Solution solution, SchedulingProblem problem)
    {
        var instance = ProblemInstance.Compile(problem);
        var hasDurations = problem.Tasks.Any(static task => task.Duration != 1) || problem.Overrides.Any(static o => o.Duration is not null);
        return new ScheduleView
        {
            Backend = solution.Backend,
            Status = solution.Status.ToString(),
            IsFeasible = solution.IsFeasible,
            Objective = solution.Objective,
            Bound = solution.Bound,
            Gap = solution.Gap,
            WallTime = solution.WallTime,
            Assignments = solution.Assignments.Select(a => new ScheduledTaskView(a.TaskId, a.AgentId, a.Start, a.End,
                instance.Load(instance.TaskIndex[a.TaskId], instance.AgentIndex[a.AgentId]))).ToList(),
            AgentIds = problem.Agents.Select(static agent => agent.Id).ToList(),
            Unassigned = solution.UnassignedTaskIds,
            Violations = solution.Violations.Select(static violation => violation.ToString()).ToList(),
            IsTimed = hasDurations && solution.Assignments.Count > 0 && solution.Assignments.All(static a => a.Start is not null && a.End is not null),
        };
    }
}

/// <summary>One task on its agent; times when the schedule has them, the load on the agent when known.</summary>
internal sealed record ScheduledTaskView(string TaskId, string AgentId, double? Start, double? End, double? Load);

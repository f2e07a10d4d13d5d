using System.Text.Json;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.IO.Json;

/// <summary>Writes a problem in the JSON format that <see cref="ProblemJsonReader"/> reads back unchanged.</summary>
public static class ProblemJsonWriter
{
    public static string Write(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return JsonSerializer.Serialize(ToDocument(problem), ProblemJsonContext.Default.ProblemDocument);
    }

    public static void WriteFile(SchedulingProblem problem, string path) => File.WriteAllText(path, Write(problem));

    private static ProblemDocument ToDocument(SchedulingProblem problem) => new()
    {
        Name = problem.Name,
        Agents = problem.Agents.Select(a => (AgentDocument?)new AgentDocument
        {
            Id = a.Id,
            Skills = [.. a.Skills],
            Capacity = a.Capacity,
            CostRate = a.CostRate,
            Availability = a.Availability?.Select(w => (WindowDocument?)new WindowDocument { Start = w.Start, End = w.End }).ToList(),
        }).ToList(),
        Tasks = problem.Tasks.Select(t => (TaskDocument?)new TaskDocument
        {
            Id = t.Id,
            RequiredSkills = [.. t.RequiredSkills],
            Duration = t.Duration,
            Load = t.Load,
            Priority = t.Priority,
            ReleaseTime = t.ReleaseTime,
            Deadline = t.Deadline,
            Dependencies = [.. t.Dependencies],
        }).ToList(),
        Overrides = problem.Overrides.Count == 0 ? null : problem.Overrides.Select(o => (OverrideDocument?)new OverrideDocument
        {
            TaskId = o.TaskId,
            AgentId = o.AgentId,
            Cost = o.Cost,
            Load = o.Load,
            Duration = o.Duration,
        }).ToList(),
        Pinned = problem.Pinned.Count == 0 ? null : Assignments(problem.Pinned),
        InitialSolution = problem.InitialSolution is null ? null : Assignments(problem.InitialSolution),
        Objective = new ObjectiveDocument
        {
            Kind = JsonNames.Of(problem.Objective.Kind),
            Sense = JsonNames.Of(problem.Objective.Sense),
            Weights = problem.Objective.Kind == ObjectiveKind.WeightedMix
                ? new WeightsDocument
                {
                    Cost = problem.Objective.Weights.Cost,
                    Makespan = problem.Objective.Weights.Makespan,
                    WeightedTardiness = problem.Objective.Weights.WeightedTardiness,
                    LoadBalance = problem.Objective.Weights.LoadBalance,
                }
                : null,
        },
        Constraints = new ConstraintsDocument
        {
            Capacity = Level(problem.Constraints.Capacity),
            Deadlines = Level(problem.Constraints.Deadlines),
            AllowUnassigned = problem.Constraints.AllowUnassigned,
            UnassignedPenalty = problem.Constraints.UnassignedPenalty,
        },
    };

    private static List<AssignmentDocument?> Assignments(IEnumerable<Assignment> assignments) =>
        assignments.Select(a => (AssignmentDocument?)new AssignmentDocument { TaskId = a.TaskId, AgentId = a.AgentId }).ToList();

    private static LevelDocument Level(ConstraintLevel level) =>
        new() { Level = JsonNames.Of(level), Weight = level.IsHard ? null : level.Weight };
}

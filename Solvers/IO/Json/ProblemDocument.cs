namespace QuantumScheduler.Solvers.IO.Json;

// The JSON shape of a problem (docs/problem-format.md, docs/problem.schema.json). Every member is
// nullable so that a missing value can be reported at its path instead of failing deserialisation.

internal sealed record ProblemDocument
{
    public string? Name { get; init; }
    public List<AgentDocument?>? Agents { get; init; }
    public List<TaskDocument?>? Tasks { get; init; }
    public List<OverrideDocument?>? Overrides { get; init; }
    public List<AssignmentDocument?>? Pinned { get; init; }
    public List<AssignmentDocument?>? InitialSolution { get; init; }
    public ObjectiveDocument? Objective { get; init; }
    public ConstraintsDocument? Constraints { get; init; }
}

internal sealed record AgentDocument
{
    public string? Id { get; init; }
    public List<string?>? Skills { get; init; }
    public double? Capacity { get; init; }
    public double? CostRate { get; init; }
    public List<WindowDocument?>? Availability { get; init; }
}

internal sealed record WindowDocument
{
    public double? Start { get; init; }
    public double? End { get; init; }
}

internal sealed record TaskDocument
{
    public string? Id { get; init; }
    public List<string?>? RequiredSkills { get; init; }
    public double? Duration { get; init; }
    public double? Load { get; init; }
    public double? Priority { get; init; }
    public double? ReleaseTime { get; init; }
    public double? Deadline { get; init; }
    public List<string?>? Dependencies { get; init; }
}

internal sealed record OverrideDocument
{
    public string? TaskId { get; init; }
    public string? AgentId { get; init; }
    public double? Cost { get; init; }
    public double? Load { get; init; }
    public double? Duration { get; init; }
}

internal sealed record AssignmentDocument
{
    public string? TaskId { get; init; }
    public string? AgentId { get; init; }
}

internal sealed record ObjectiveDocument
{
    public string? Kind { get; init; }
    public string? Sense { get; init; }
    public WeightsDocument? Weights { get; init; }
}

internal sealed record WeightsDocument
{
    public double? Cost { get; init; }
    public double? Makespan { get; init; }
    public double? WeightedTardiness { get; init; }
    public double? LoadBalance { get; init; }
}

internal sealed record ConstraintsDocument
{
    public LevelDocument? Capacity { get; init; }
    public LevelDocument? Deadlines { get; init; }
    public bool? AllowUnassigned { get; init; }
    public double? UnassignedPenalty { get; init; }
}

internal sealed record LevelDocument
{
    public string? Level { get; init; }
    public double? Weight { get; init; }
}

using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Validation;

namespace QuantumScheduler.Solvers.IO.Json;

/// <summary>
/// Maps the JSON document to the model, filling documented defaults and recording what cannot be mapped
/// (null entries, unknown enum names) at its path. Range and reference checks are the validator's.
/// </summary>
internal sealed class ProblemDocumentMapper
{
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public SchedulingProblem Map(ProblemDocument document)
    {
        var defaults = new SchedulingProblem();
        return new SchedulingProblem
        {
            Name = document.Name ?? defaults.Name,
            Agents = Entries(document.Agents, "agents", MapAgent),
            Tasks = Entries(document.Tasks, "tasks", MapTask),
            Overrides = Entries(document.Overrides, "overrides", (o, _) => new TaskAgentOverride
            {
                TaskId = o.TaskId ?? "",
                AgentId = o.AgentId ?? "",
                Cost = o.Cost,
                Load = o.Load,
                Duration = o.Duration,
            }),
            Pinned = Entries(document.Pinned, "pinned", MapAssignment),
            InitialSolution = document.InitialSolution is null ? null : Entries(document.InitialSolution, "initialSolution", MapAssignment),
            Objective = MapObjective(document.Objective),
            Constraints = MapConstraints(document.Constraints),
        };
    }

    private List<TModel> Entries<TDocument, TModel>(List<TDocument?>? entries, string path, Func<TDocument, string, TModel> map) where TDocument : class
    {
        var models = new List<TModel>();
        if (entries is null)
            return models;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is { } entry)
                models.Add(map(entry, $"{path}[{i}]"));
            else
                _errors.Add(new ValidationError($"{path}[{i}]", "expected an object, got null"));
        }
        return models;
    }

    private List<string> Strings(List<string?>? values, string path)
    {
        var strings = new List<string>();
        if (values is null)
            return strings;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
                strings.Add(value);
            else
                _errors.Add(new ValidationError($"{path}[{i}]", "expected a string, got null"));
        }
        return strings;
    }

    private Agent MapAgent(AgentDocument agent, string path) => new()
    {
        Id = agent.Id ?? "",
        Skills = Strings(agent.Skills, $"{path}.skills"),
        Capacity = agent.Capacity,
        CostRate = agent.CostRate ?? 0,
        Availability = agent.Availability is null
            ? null
            : Entries(agent.Availability, $"{path}.availability", (w, windowPath) =>
            {
                if (w.Start is null) _errors.Add(new ValidationError($"{windowPath}.start", "required"));
                if (w.End is null) _errors.Add(new ValidationError($"{windowPath}.end", "required"));
                return new TimeWindow(w.Start ?? 0, w.End ?? 0);
            }),
    };

    private SchedulingTask MapTask(TaskDocument task, string path)
    {
        var defaults = new SchedulingTask { Id = "" };
        return new SchedulingTask
        {
            Id = task.Id ?? "",
            RequiredSkills = Strings(task.RequiredSkills, $"{path}.requiredSkills"),
            Duration = task.Duration ?? defaults.Duration,
            Load = task.Load,
            Priority = task.Priority ?? defaults.Priority,
            ReleaseTime = task.ReleaseTime ?? defaults.ReleaseTime,
            Deadline = task.Deadline,
            Dependencies = Strings(task.Dependencies, $"{path}.dependencies"),
        };
    }

    private static Assignment MapAssignment(AssignmentDocument assignment, string path) => new(assignment.TaskId ?? "", assignment.AgentId ?? "");

    private Objective MapObjective(ObjectiveDocument? objective)
    {
        var defaults = new Objective();
        if (objective is null)
            return defaults;
        var weights = objective.Weights;
        var defaultWeights = defaults.Weights;
        return new Objective
        {
            Kind = ParseEnum(objective.Kind, "objective.kind", defaults.Kind),
            Sense = ParseEnum(objective.Sense, "objective.sense", defaults.Sense),
            Weights = weights is null
                ? defaultWeights
                : new ObjectiveWeights
                {
                    Cost = weights.Cost ?? defaultWeights.Cost,
                    Makespan = weights.Makespan ?? defaultWeights.Makespan,
                    WeightedTardiness = weights.WeightedTardiness ?? defaultWeights.WeightedTardiness,
                    LoadBalance = weights.LoadBalance ?? defaultWeights.LoadBalance,
                },
        };
    }

    private TEnum ParseEnum<TEnum>(string? text, string path, TEnum fallback) where TEnum : struct, Enum
    {
        if (text is null)
            return fallback;
        if (JsonNames.TryParse<TEnum>(text, out var value))
            return value;
        _errors.Add(new ValidationError(path, $"unknown value \"{text}\" (expected one of {string.Join(", ", JsonNames.All<TEnum>())})"));
        return fallback;
    }

    private ConstraintSettings MapConstraints(ConstraintsDocument? constraints)
    {
        var defaults = new ConstraintSettings();
        if (constraints is null)
            return defaults;
        return new ConstraintSettings
        {
            Capacity = MapLevel(constraints.Capacity, "constraints.capacity", defaults.Capacity),
            Deadlines = MapLevel(constraints.Deadlines, "constraints.deadlines", defaults.Deadlines),
            AllowUnassigned = constraints.AllowUnassigned ?? defaults.AllowUnassigned,
            UnassignedPenalty = constraints.UnassignedPenalty ?? defaults.UnassignedPenalty,
        };
    }

    private ConstraintLevel MapLevel(LevelDocument? level, string path, ConstraintLevel fallback)
    {
        if (level is null)
            return fallback;
        switch (level.Level?.ToLowerInvariant())
        {
            case JsonNames.Hard when level.Weight is null:
                return ConstraintLevel.Hard;
            case JsonNames.Hard:
                _errors.Add(new ValidationError($"{path}.weight", "only a soft constraint has a weight"));
                return ConstraintLevel.Hard;
            case JsonNames.Soft when level.Weight is { } weight:
                return ConstraintLevel.Soft(weight);
            case JsonNames.Soft:
                _errors.Add(new ValidationError($"{path}.weight", "required for a soft constraint (penalty per unit of violation)"));
                return fallback;
            default:
                _errors.Add(new ValidationError($"{path}.level", level.Level is null ? "required (\"hard\" or \"soft\")" : $"unknown value \"{level.Level}\" (expected \"hard\" or \"soft\")"));
                return fallback;
        }
    }
}

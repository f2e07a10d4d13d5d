using System.Globalization;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Validation;

/// <summary>
/// Checks a problem before anything solves it and returns every problem found, each at its JSON path
/// (<c>tasks[3].requiredSkills[0]: unknown skill "rust"</c>). Works the same for problems read from JSON
/// and problems built in code; nothing here throws on bad input.
/// </summary>
/// <remarks>
/// Besides malformed data it rejects tasks that are impossible on their own when they must be assigned
/// (unassigned tasks not allowed): a required skill no agent has, no agent with all required skills, or
/// a hard deadline before release + shortest duration. When unassigned tasks are allowed such a task is
/// legal and is reported in the solution's explanation instead. Infeasibility that involves several tasks
/// is the diagnosis's job, not validation's.
/// </remarks>
public static class ProblemValidator
{
    public static IReadOnlyList<ValidationError> Validate(SchedulingProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new Run(problem).Execute();
    }

    private sealed class Run(SchedulingProblem problem)
    {
        private readonly List<ValidationError> _errors = [];
        private readonly Dictionary<string, int> _agentIndex = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _taskIndex = new(StringComparer.Ordinal);
        private readonly Dictionary<(int Task, int Agent), TaskAgentOverride> _overrides = [];

        private IReadOnlyList<Agent> Agents => problem.Agents ?? [];
        private IReadOnlyList<SchedulingTask> Tasks => problem.Tasks ?? [];
        private bool TasksMustBeAssigned => !(problem.Constraints?.AllowUnassigned ?? false);

        public IReadOnlyList<ValidationError> Execute()
        {
            NotNull("agents", problem.Agents);
            NotNull("tasks", problem.Tasks);
            NotNull("overrides", problem.Overrides);
            NotNull("pinned", problem.Pinned);
            ValidateAgents();
            ValidateTasks();
            ValidateOverrides();
            ValidateAssignments(problem.Pinned ?? [], "pinned");
            ValidateAssignments(problem.InitialSolution ?? [], "initialSolution");
            ValidateSkills();
            ValidateDependencies();
            ValidateDeadlines();
            ValidateObjective();
            ValidateConstraints();
            return _errors;
        }

        private void Error(string path, string message) => _errors.Add(new ValidationError(path, message));

        /// <summary>Lists built in code may be null despite their type; JSON input never gets here with one.</summary>
        private void NotNull(string path, object? value)
        {
            if (value is null)
                Error(path, "must not be null (use an empty list)");
        }

        private void NonNegative(string path, double value)
        {
            if (!double.IsFinite(value) || value < 0)
                Error(path, $"must be a finite number ≥ 0, got {Format(value)}");
        }

        private void Finite(string path, double value)
        {
            if (!double.IsFinite(value))
                Error(path, $"must be a finite number, got {Format(value)}");
        }

        private void UniqueId(string collection, int index, string? id, Dictionary<string, int> seen)
        {
            var path = $"{collection}[{index}].id";
            if (string.IsNullOrWhiteSpace(id))
                Error(path, "required (a non-empty string)");
            else if (!seen.TryAdd(id, index))
                Error(path, $"duplicate id \"{id}\" (also {collection}[{seen[id]}])");
        }

        private void ValidateAgents()
        {
            for (var a = 0; a < Agents.Count; a++)
            {
                var agent = Agents[a];
                UniqueId("agents", a, agent.Id, _agentIndex);
                NotNull($"agents[{a}].skills", agent.Skills);
                var skills = agent.Skills ?? [];
                for (var s = 0; s < skills.Count; s++)
                    if (string.IsNullOrWhiteSpace(skills[s]))
                        Error($"agents[{a}].skills[{s}]", "must be a non-empty string");
                if (agent.Capacity is { } capacity)
                    NonNegative($"agents[{a}].capacity", capacity);
                NonNegative($"agents[{a}].costRate", agent.CostRate);
                ValidateWindows(a, agent.Availability);
            }
        }

        private void ValidateWindows(int a, IReadOnlyList<TimeWindow>? windows)
        {
            if (windows is null)
                return;
            for (var w = 0; w < windows.Count; w++)
            {
                Finite($"agents[{a}].availability[{w}].start", windows[w].Start);
                if (!(windows[w].End > windows[w].Start))
                    Error($"agents[{a}].availability[{w}].end", $"must be after start {Format(windows[w].Start)}, got {Format(windows[w].End)}");
            }
            var sorted = windows.Select((window, index) => (window, index)).OrderBy(x => x.window.Start).ToList();
            for (var i = 1; i < sorted.Count; i++)
                if (sorted[i].window.Start < sorted[i - 1].window.End)
                    Error($"agents[{a}].availability[{sorted[i].index}]", $"overlaps availability[{sorted[i - 1].index}]; windows must not overlap");
        }

        private void ValidateTasks()
        {
            for (var t = 0; t < Tasks.Count; t++)
            {
                var task = Tasks[t];
                UniqueId("tasks", t, task.Id, _taskIndex);
                NotNull($"tasks[{t}].requiredSkills", task.RequiredSkills);
                NotNull($"tasks[{t}].dependencies", task.Dependencies);
                NonNegative($"tasks[{t}].duration", task.Duration);
                if (task.Load is { } load)
                    NonNegative($"tasks[{t}].load", load);
                NonNegative($"tasks[{t}].priority", task.Priority);
                Finite($"tasks[{t}].releaseTime", task.ReleaseTime);
                if (task.Deadline is { } deadline)
                    Finite($"tasks[{t}].deadline", deadline);
                var skills = task.RequiredSkills ?? [];
                for (var s = 0; s < skills.Count; s++)
                    if (string.IsNullOrWhiteSpace(skills[s]))
                        Error($"tasks[{t}].requiredSkills[{s}]", "must be a non-empty string");
            }
        }

        private void ValidateOverrides()
        {
            var overrides = problem.Overrides ?? [];
            var seen = new Dictionary<(int, int), int>();
            for (var i = 0; i < overrides.Count; i++)
            {
                var o = overrides[i];
                var path = $"overrides[{i}]";
                var task = ResolveTask($"{path}.taskId", o.TaskId);
                var agent = ResolveAgent($"{path}.agentId", o.AgentId);
                if (o.Cost is { } cost) Finite($"{path}.cost", cost);
                if (o.Load is { } load) NonNegative($"{path}.load", load);
                if (o.Duration is { } duration) NonNegative($"{path}.duration", duration);
                if (task < 0 || agent < 0)
                    continue;
                if (!seen.TryAdd((task, agent), i))
                    Error(path, $"duplicate override for task \"{o.TaskId}\" on agent \"{o.AgentId}\" (also overrides[{seen[(task, agent)]}])");
                else
                    _overrides[(task, agent)] = o;
            }
        }

        private int ResolveTask(string path, string? id)
        {
            if (string.IsNullOrWhiteSpace(id)) { Error(path, "required (a task id)"); return -1; }
            if (_taskIndex.TryGetValue(id, out var index)) return index;
            Error(path, $"unknown task \"{id}\"");
            return -1;
        }

        private int ResolveAgent(string path, string? id)
        {
            if (string.IsNullOrWhiteSpace(id)) { Error(path, "required (an agent id)"); return -1; }
            if (_agentIndex.TryGetValue(id, out var index)) return index;
            Error(path, $"unknown agent \"{id}\"");
            return -1;
        }

        private void ValidateAssignments(IReadOnlyList<Assignment> assignments, string collection)
        {
            var seen = new Dictionary<int, int>();
            for (var i = 0; i < assignments.Count; i++)
            {
                var task = ResolveTask($"{collection}[{i}].taskId", assignments[i].TaskId);
                var agent = ResolveAgent($"{collection}[{i}].agentId", assignments[i].AgentId);
                if (task < 0)
                    continue;
                if (!seen.TryAdd(task, i))
                {
                    Error($"{collection}[{i}].taskId", $"task \"{assignments[i].TaskId}\" is listed twice (also {collection}[{seen[task]}])");
                    continue;
                }
                if (agent < 0)
                    continue;
                var missing = MissingSkills(Tasks[task], Agents[agent]);
                if (missing.Count > 0)
                    Error($"{collection}[{i}].agentId", $"agent \"{Agents[agent].Id}\" lacks {SkillList(missing)} required by task \"{Tasks[task].Id}\"");
            }
        }

        private void ValidateSkills()
        {
            if (!TasksMustBeAssigned)
                return;
            var known = Agents.SelectMany(a => a.Skills ?? []).ToHashSet(StringComparer.Ordinal);
            for (var t = 0; t < Tasks.Count; t++)
            {
                var skills = Tasks[t].RequiredSkills ?? [];
                var unknown = false;
                for (var s = 0; s < skills.Count; s++)
                {
                    if (string.IsNullOrWhiteSpace(skills[s]) || known.Contains(skills[s]))
                        continue;
                    Error($"tasks[{t}].requiredSkills[{s}]", $"unknown skill \"{skills[s]}\" (no agent has it)");
                    unknown = true;
                }
                if (unknown || skills.Count == 0 || Agents.Any(a => MissingSkills(Tasks[t], a).Count == 0))
                    continue;
                var gaps = Agents.Take(5).Select(a => $"{a.Id} lacks {SkillList(MissingSkills(Tasks[t], a))}");
                var more = Agents.Count > 5 ? $"; and {Agents.Count - 5} more agents" : "";
                Error($"tasks[{t}].requiredSkills", $"no agent has all of {SkillList(skills)} ({string.Join("; ", gaps)}{more})");
            }
        }

        private void ValidateDependencies()
        {
            var predecessors = new List<int>[Tasks.Count];
            for (var t = 0; t < Tasks.Count; t++)
            {
                predecessors[t] = [];
                var dependencies = Tasks[t].Dependencies ?? [];
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var d = 0; d < dependencies.Count; d++)
                {
                    var path = $"tasks[{t}].dependencies[{d}]";
                    var id = dependencies[d];
                    if (id == Tasks[t].Id)
                        Error(path, $"task \"{id}\" depends on itself");
                    else if (!seen.Add(id ?? ""))
                        Error(path, $"duplicate dependency \"{id}\"");
                    else if (ResolveTask(path, id) is var p and >= 0)
                        predecessors[t].Add(p);
                }
            }
            foreach (var cycle in DependencyCycles.Find(predecessors))
            {
                var names = cycle.Append(cycle[0]).Select(t => Tasks[t].Id);
                Error($"tasks[{cycle[0]}].dependencies", $"dependency cycle: {string.Join(" → ", names)} (each depends on the next)");
            }
        }

        private void ValidateDeadlines()
        {
            if (!TasksMustBeAssigned || !(problem.Constraints?.Deadlines ?? ConstraintLevel.Hard).IsHard)
                return;
            for (var t = 0; t < Tasks.Count; t++)
            {
                var task = Tasks[t];
                if (task.Deadline is not { } deadline || !double.IsFinite(deadline))
                    continue;
                var durations = Enumerable.Range(0, Agents.Count)
                    .Where(a => MissingSkills(task, Agents[a]).Count == 0)
                    .Select(a => _overrides.TryGetValue((t, a), out var o) && o.Duration is { } d ? d : task.Duration)
                    .DefaultIfEmpty(task.Duration);
                var shortest = durations.Min();
                if (task.ReleaseTime + shortest > deadline)
                    Error($"tasks[{t}].deadline", $"{Format(deadline)} is before release time {Format(task.ReleaseTime)} + shortest duration {Format(shortest)} = {Format(task.ReleaseTime + shortest)}");
            }
        }

        private void ValidateObjective()
        {
            var objective = problem.Objective;
            if (objective is null) { Error("objective", "required"); return; }
            if (!Enum.IsDefined(objective.Kind)) Error("objective.kind", $"unknown objective kind {objective.Kind}");
            if (!Enum.IsDefined(objective.Sense)) Error("objective.sense", $"unknown sense {objective.Sense}");
            if (objective.Weights is not { } weights) { Error("objective.weights", "required"); return; }
            NonNegative("objective.weights.cost", weights.Cost);
            NonNegative("objective.weights.makespan", weights.Makespan);
            NonNegative("objective.weights.weightedTardiness", weights.WeightedTardiness);
            NonNegative("objective.weights.loadBalance", weights.LoadBalance);
        }

        private void ValidateConstraints()
        {
            var constraints = problem.Constraints;
            if (constraints is null) { Error("constraints", "required"); return; }
            ValidateLevel("constraints.capacity", constraints.Capacity);
            ValidateLevel("constraints.deadlines", constraints.Deadlines);
            NonNegative("constraints.unassignedPenalty", constraints.UnassignedPenalty);
        }

        private void ValidateLevel(string path, ConstraintLevel? level)
        {
            if (level is null) Error(path, "required");
            else if (!level.IsHard) NonNegative($"{path}.weight", level.Weight);
        }

        private static List<string> MissingSkills(SchedulingTask task, Agent agent) =>
            (task.RequiredSkills ?? []).Where(s => !(agent.Skills ?? []).Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();

        private static string SkillList(IReadOnlyCollection<string> skills) =>
            skills.Count == 1 ? $"skill \"{skills.First()}\"" : "skills " + string.Join(", ", skills.Select(s => $"\"{s}\""));

        private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
    }
}

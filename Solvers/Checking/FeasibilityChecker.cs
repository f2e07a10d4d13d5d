using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Scheduling;

namespace QuantumScheduler.Solvers.Checking;

/// <summary>
/// The one independent feasibility checker. Every solution of every backend passes through it; it
/// trusts nothing the backend or the schedule builder says and recomputes every rule from the problem:
/// skills, pins, releases, deadlines and windows from the problem's own lists; loads, costs and
/// durations from the compiled <see cref="ProblemInstance"/> (the one place they are defined); times
/// from the schedule's start and end. It is written for clarity, not speed (backends that need
/// speed use <see cref="ObjectiveEvaluator"/>, which is tested against this checker).
/// </summary>
public static class FeasibilityChecker
{
    /// <summary>Builds the schedule of <paramref name="agentOfTask"/> with <see cref="ScheduleBuilder"/>, then checks it.</summary>
    public static CheckResult Check(ProblemInstance instance, int[] agentOfTask)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(agentOfTask);
        if (agentOfTask.Length != instance.TaskCount)
            return WrongLength(instance, agentOfTask.Length);
        return Check(instance, new ScheduleBuilder(instance).Build(agentOfTask));
    }

    /// <summary>Checks a schedule (from the builder, or from a backend that sets times itself).</summary>
    public static CheckResult Check(ProblemInstance instance, Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.TaskCount != instance.TaskCount)
            return WrongLength(instance, schedule.TaskCount);
        return new Run(instance, schedule).Execute();
    }

    private static CheckResult WrongLength(ProblemInstance instance, int length)
    {
        var violation = new Violation(ConstraintKind.Assignment, true, 1, 0, [], [],
            $"the solution has {length} task entries; the problem has {instance.TaskCount} tasks");
        return new CheckResult
        {
            Violations = [violation],
            HardScore = -1,
            SoftScore = 0,
            Terms = default,
            Objective = double.NaN,
            PenalizedObjective = double.NaN,
        };
    }

    /// <summary>One check of one schedule; collects violations and objective terms as it goes.</summary>
    private sealed class Run(ProblemInstance instance, Schedule schedule)
    {
        private readonly SchedulingProblem _problem = instance.Problem;
        private readonly List<Violation> _violations = [];
        private readonly double[] _load = new double[instance.AgentCount];
        private readonly List<int>[] _tasksOf = Enumerable.Range(0, instance.AgentCount).Select(_ => new List<int>()).ToArray();
        private double _totalCost;
        private double _makespan;
        private double _tardiness;

        public CheckResult Execute()
        {
            CheckAssignments();
            CheckCapacity();
            CheckTimes();
            CheckOverlaps();

            var loadBalance = 0.0;
            for (var a = 0; a < instance.AgentCount; a++)
                loadBalance = Math.Max(loadBalance, ObjectiveTerms.LoadRatio(_load[a], _problem.Agents[a].Capacity ?? double.PositiveInfinity));
            var terms = new ObjectiveTerms(_totalCost, _makespan, _tardiness, loadBalance);
            var objective = terms.ValueOf(_problem.Objective);
            var softPenalty = _violations.Where(v => !v.IsHard).Sum(v => v.Penalty);
            return new CheckResult
            {
                Violations = _violations,
                HardScore = -_violations.Where(v => v.IsHard).Sum(v => v.Amount),
                SoftScore = -softPenalty,
                Terms = terms,
                Objective = objective,
                PenalizedObjective = ObjectiveTerms.Penalize(objective, softPenalty, _problem.Objective.Sense),
            };
        }

        private bool HasValidAgent(int task) => schedule.AgentOfTask[task] >= 0 && schedule.AgentOfTask[task] < instance.AgentCount;

        private string TaskId(int task) => _problem.Tasks[task].Id;

        private string AgentId(int agent) => _problem.Agents[agent].Id;

        private void Hard(ConstraintKind kind, double amount, IReadOnlyList<string> tasks, IReadOnlyList<string> agents, string message) =>
            _violations.Add(new Violation(kind, true, amount, 0, tasks, agents, message));

        private void Add(ConstraintKind kind, ConstraintLevel level, double amount, double penalty, IReadOnlyList<string> tasks, IReadOnlyList<string> agents, string message) =>
            _violations.Add(new Violation(kind, level.IsHard, amount, level.IsHard ? 0 : penalty, tasks, agents, message));

        private void CheckAssignments()
        {
            var pinnedAgentOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pin in _problem.Pinned)
                pinnedAgentOf[pin.TaskId] = pin.AgentId;
            var settings = _problem.Constraints;

            for (var t = 0; t < instance.TaskCount; t++)
            {
                var task = _problem.Tasks[t];
                var a = schedule.AgentOfTask[t];
                if (a < -1 || a >= instance.AgentCount)
                {
                    Hard(ConstraintKind.Assignment, 1, [task.Id], [], $"task {task.Id} is given agent index {a}; the problem has agents 0..{instance.AgentCount - 1}");
                    continue;
                }
                if (pinnedAgentOf.TryGetValue(task.Id, out var pinnedId) && (a < 0 || AgentId(a) != pinnedId))
                    Hard(ConstraintKind.Pinned, 1, [task.Id], a < 0 ? [pinnedId] : [pinnedId, AgentId(a)],
                        $"task {task.Id} is pinned to {pinnedId} but is {(a < 0 ? "unassigned" : "on " + AgentId(a))}");

                if (a < 0)
                {
                    if (settings.AllowUnassigned)
                        _violations.Add(new Violation(ConstraintKind.Unassigned, false, 1, settings.UnassignedPenalty * task.Priority, [task.Id], [],
                            $"task {task.Id} is unassigned (penalty {settings.UnassignedPenalty} × priority {task.Priority})"));
                    else
                        Hard(ConstraintKind.Unassigned, 1, [task.Id], [], $"task {task.Id} is unassigned and unassigned tasks are not allowed");
                    continue;
                }

                var agent = _problem.Agents[a];
                var missing = task.RequiredSkills.Where(s => !agent.Skills.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                    Hard(ConstraintKind.Skills, 1, [task.Id], [agent.Id], $"task {task.Id} needs {Quote(missing)}, which agent {agent.Id} lacks");

                _load[a] += instance.Load(t, a);
                _tasksOf[a].Add(t);
                _totalCost += instance.Cost(t, a);
            }
        }

        private void CheckCapacity()
        {
            var level = _problem.Constraints.Capacity;
            for (var a = 0; a < instance.AgentCount; a++)
            {
                if (_problem.Agents[a].Capacity is not { } capacity || !NumericTolerance.Exceeds(_load[a], capacity))
                    continue;
                var excess = _load[a] - capacity;
                var tasks = _tasksOf[a].Select(TaskId).ToList();
                Add(ConstraintKind.Capacity, level, excess, level.Weight * excess, tasks, [AgentId(a)],
                    $"agent {AgentId(a)} carries load {_load[a]} over its capacity {capacity} (excess {excess}) with tasks {string.Join(", ", tasks)}");
            }
        }

        private void CheckTimes()
        {
            var deadlineLevel = _problem.Constraints.Deadlines;
            var unplacedReason = schedule.Unplaced.GroupBy(u => u.Task).ToDictionary(g => g.Key, g => g.First().Message);
            for (var t = 0; t < instance.TaskCount; t++)
            {
                if (!HasValidAgent(t))
                    continue;
                var task = _problem.Tasks[t];
                var a = schedule.AgentOfTask[t];
                var placed = schedule.IsPlaced(t);
                CheckDependencies(t, placed);
                if (!placed)
                {
                    var reason = unplacedReason.GetValueOrDefault(t);
                    Hard(ConstraintKind.Unscheduled, 1, [task.Id], [AgentId(a)], $"task {task.Id} on {AgentId(a)} has no start time{(reason is null ? "" : ": " + reason)}");
                    continue;
                }

                var start = schedule.Start[t];
                var end = schedule.End[t];
                var duration = instance.Duration(t, a);
                if (NumericTolerance.Exceeds(Math.Abs(end - start - duration), 0))
                    Hard(ConstraintKind.Duration, Math.Abs(end - start - duration), [task.Id], [AgentId(a)],
                        $"task {task.Id} runs {start}..{end} on {AgentId(a)} but takes {duration} there");
                if (NumericTolerance.Exceeds(task.ReleaseTime, start))
                    Hard(ConstraintKind.ReleaseTime, task.ReleaseTime - start, [task.Id], [AgentId(a)],
                        $"task {task.Id} starts at {start}, before its release time {task.ReleaseTime}");
                if (_problem.Agents[a].Availability is { } windows && !windows.Any(w => !NumericTolerance.Exceeds(w.Start, start) && !NumericTolerance.Exceeds(end, w.End)))
                    Hard(ConstraintKind.Availability, 1, [task.Id], [AgentId(a)],
                        $"task {task.Id} runs {start}..{end}, not inside any availability window of {AgentId(a)}");

                _makespan = Math.Max(_makespan, end);
                if (task.Deadline is { } deadline && end > deadline)
                {
                    var lateness = end - deadline;
                    _tardiness += task.Priority * lateness;
                    if (NumericTolerance.Exceeds(end, deadline))
                        Add(ConstraintKind.Deadline, deadlineLevel, lateness, deadlineLevel.Weight * task.Priority * lateness, [task.Id], [AgentId(a)],
                            $"task {task.Id} ends at {end} on {AgentId(a)}, {lateness} after its deadline {deadline}");
                }
            }
        }

        private void CheckDependencies(int t, bool placed)
        {
            var task = _problem.Tasks[t];
            foreach (var dependencyId in task.Dependencies)
            {
                var p = instance.TaskIndex[dependencyId];
                if (!HasValidAgent(p))
                    Hard(ConstraintKind.Dependencies, 1, [task.Id, dependencyId], [], $"task {task.Id} depends on {dependencyId}, which is unassigned");
                else if (placed && !schedule.IsPlaced(p))
                    Hard(ConstraintKind.Dependencies, 1, [task.Id, dependencyId], [], $"task {task.Id} depends on {dependencyId}, which has no time");
                else if (placed && NumericTolerance.Exceeds(schedule.End[p], schedule.Start[t]))
                    Hard(ConstraintKind.Dependencies, schedule.End[p] - schedule.Start[t], [task.Id, dependencyId], [],
                        $"task {task.Id} starts at {schedule.Start[t]}, before {dependencyId} ends at {schedule.End[p]}");
            }
        }

        private void CheckOverlaps()
        {
            for (var a = 0; a < instance.AgentCount; a++)
            {
                var timed = _tasksOf[a].Where(t => schedule.IsPlaced(t) && schedule.End[t] > schedule.Start[t])
                    .OrderBy(t => schedule.Start[t]).ThenBy(t => schedule.End[t]).ToList();
                var latest = -1;
                foreach (var t in timed)
                {
                    if (latest >= 0 && NumericTolerance.Exceeds(schedule.End[latest], schedule.Start[t]))
                    {
                        var overlap = Math.Min(schedule.End[latest], schedule.End[t]) - schedule.Start[t];
                        Hard(ConstraintKind.Overlap, overlap, [TaskId(latest), TaskId(t)], [AgentId(a)],
                            $"tasks {TaskId(latest)} ({schedule.Start[latest]}..{schedule.End[latest]}) and {TaskId(t)} ({schedule.Start[t]}..{schedule.End[t]}) overlap by {overlap} on {AgentId(a)}");
                    }
                    if (latest < 0 || schedule.End[t] > schedule.End[latest])
                        latest = t;
                }
            }
        }

        private static string Quote(IEnumerable<string> skills) =>
            (skills as ICollection<string>)?.Count == 1 ? $"skill '{skills.First()}'" : "skills " + string.Join(", ", skills.Select(s => $"'{s}'"));
    }
}

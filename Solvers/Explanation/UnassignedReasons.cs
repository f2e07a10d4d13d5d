using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Scheduling;

namespace QuantumScheduler.Solvers.Explanation;

/// <summary>
/// Finds why unassigned tasks are unassigned, in the order a user would look: skills, dependencies,
/// then what rules out each eligible agent given the rest of the schedule (capacity left, windows,
/// deadline). If some agent could still take a task, the backend chose to pay its penalty instead.
/// One instance per explained schedule: agents' loads and timelines are computed once.
/// </summary>
internal sealed class UnassignedReasons
{
    /// <summary>Agents whose reasons are spelled out; the rest are counted, so a reason stays readable.</summary>
    private const int ListedAgents = 6;

    private readonly ProblemInstance _instance;
    private readonly Schedule _schedule;
    private readonly double[] _load;
    private readonly AgentTimeline?[] _timelines;
    private readonly HashSet<string> _knownSkills;

    public UnassignedReasons(ProblemInstance instance, Schedule schedule)
    {
        _instance = instance;
        _schedule = schedule;
        _load = new double[instance.AgentCount];
        _timelines = new AgentTimeline?[instance.AgentCount];
        _knownSkills = instance.Problem.Agents.SelectMany(a => a.Skills).ToHashSet(StringComparer.Ordinal);
        for (var t = 0; t < schedule.TaskCount; t++)
            if (schedule.AgentOfTask[t] >= 0 && schedule.AgentOfTask[t] < instance.AgentCount)
                _load[schedule.AgentOfTask[t]] += instance.Load(t, schedule.AgentOfTask[t]);
    }

    public UnassignedTaskReason For(int task)
    {
        var problem = _instance.Problem;
        var definition = problem.Tasks[task];
        var eligible = _instance.EligibleAgents[task];

        if (eligible.Length == 0)
        {
            var unknown = definition.RequiredSkills.Where(s => !_knownSkills.Contains(s)).Distinct().ToList();
            var reason = unknown.Count > 0
                ? $"no agent has {Skills(unknown)}"
                : $"no agent has all of {Skills(definition.RequiredSkills)}";
            return new UnassignedTaskReason(definition.Id, UnassignedReasonKind.NoSkilledAgent, reason);
        }

        var unassignedPredecessors = _instance.Predecessors[task].Where(p => _schedule.AgentOfTask[p] < 0).Select(p => problem.Tasks[p].Id).ToList();
        if (unassignedPredecessors.Count > 0)
            return new UnassignedTaskReason(definition.Id, UnassignedReasonKind.DependsOnUnassigned,
                $"it depends on unassigned task{(unassignedPredecessors.Count > 1 ? "s" : "")} {string.Join(", ", unassignedPredecessors)}");

        var earliestStart = _instance.Predecessors[task].Select(p => _schedule.End[p]).Where(e => !double.IsNaN(e)).Append(definition.ReleaseTime).Max();
        var ruledOut = new List<(UnassignedReasonKind Kind, string Text)>();
        foreach (var a in eligible)
        {
            if (RuleOut(task, a, earliestStart) is not { } reason)
                return new UnassignedTaskReason(definition.Id, UnassignedReasonKind.NotWorthAssigning,
                    $"agent {problem.Agents[a].Id} could take it, but leaving it unassigned cost less (penalty {SolutionExplainer.Format(problem.Constraints.UnassignedPenalty * definition.Priority)})");
            ruledOut.Add(reason);
        }
        var kinds = ruledOut.Select(r => r.Kind).Distinct().ToList();
        var kind = kinds.Count == 1 ? kinds[0] : UnassignedReasonKind.EveryAgentRuledOut;
        var lead = kind switch
        {
            UnassignedReasonKind.NoCapacity => "every eligible agent lacks capacity",
            UnassignedReasonKind.NoAvailabilityWindow => "no availability window of an eligible agent fits",
            UnassignedReasonKind.DeadlineUnreachable => "no eligible agent can meet its deadline",
            _ => "every eligible agent is ruled out",
        };
        var shown = string.Join("; ", ruledOut.Take(ListedAgents).Select(r => r.Text));
        var more = ruledOut.Count > ListedAgents ? $"; and {ruledOut.Count - ListedAgents} more agents" : "";
        return new UnassignedTaskReason(definition.Id, kind, $"{lead}: {shown}{more}");
    }

    private (UnassignedReasonKind Kind, string Text)? RuleOut(int task, int agent, double earliestStart)
    {
        var problem = _instance.Problem;
        var id = problem.Agents[agent].Id;
        var need = _instance.Load(task, agent);
        var capacity = _instance.Capacity[agent];
        if (problem.Constraints.Capacity.IsHard && NumericTolerance.Exceeds(_load[agent] + need, capacity))
            return (UnassignedReasonKind.NoCapacity, $"{id} carries {F(_load[agent])} of capacity {F(capacity)} and the task needs {F(need)}");

        var windows = problem.Agents[agent].Availability;
        var duration = _instance.Duration(task, agent);
        if (AvailabilityFit.EarliestFinish(windows, earliestStart, duration) is not { } finish)
            return (UnassignedReasonKind.NoAvailabilityWindow,
                $"{id}'s windows after time {F(earliestStart)} are too short for duration {F(duration)} (longest window {F(AvailabilityFit.LongestWindow(windows))})");
        var deadline = problem.Constraints.Deadlines.IsHard ? problem.Tasks[task].Deadline : null;
        if (deadline is { } due && NumericTolerance.Exceeds(finish, due))
            return (UnassignedReasonKind.DeadlineUnreachable, $"on {id} it would end at {F(finish)} at the earliest, after its deadline {F(due)}");

        if (Timeline(agent).FindStart(earliestStart, duration) is not { } start)
            return (UnassignedReasonKind.NoAvailabilityWindow, $"{id}'s windows after time {F(earliestStart)} are booked by its other tasks");
        if (deadline is { } late && NumericTolerance.Exceeds(start + duration, late))
            return (UnassignedReasonKind.DeadlineUnreachable, $"{id} is busy until it could only end at {F(start + duration)}, after its deadline {F(late)}");
        return null;
    }

    private AgentTimeline Timeline(int agent)
    {
        if (_timelines[agent] is { } existing)
            return existing;
        var timeline = new AgentTimeline(_instance.Problem.Agents[agent].Availability);
        for (var t = 0; t < _schedule.TaskCount; t++)
            if (_schedule.AgentOfTask[t] == agent && _schedule.IsPlaced(t))
                timeline.Reserve(_schedule.Start[t], _schedule.End[t]);
        return _timelines[agent] = timeline;
    }

    private static string Skills(IReadOnlyCollection<string> skills) =>
        skills.Count == 1 ? $"skill '{skills.First()}'" : "skills " + string.Join(", ", skills.Select(s => $"'{s}'"));

    private static string F(double value) => SolutionExplainer.Format(value);
}

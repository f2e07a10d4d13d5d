using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Scheduling;

namespace QuantumScheduler.Solvers.Explanation;

/// <summary>
/// Finds why an unassigned task is unassigned, in the order a user would look: skills, dependencies,
/// then what rules out each eligible agent given the rest of the schedule (capacity left, windows,
/// deadline). If some agent could still take it, the backend chose to pay its penalty instead.
/// </summary>
internal static class UnassignedReasons
{
    public static UnassignedTaskReason For(ProblemInstance instance, Schedule schedule, int task)
    {
        var problem = instance.Problem;
        var definition = problem.Tasks[task];
        var eligible = instance.EligibleAgents[task];

        if (eligible.Length == 0)
        {
            var known = problem.Agents.SelectMany(a => a.Skills).ToHashSet(StringComparer.Ordinal);
            var unknown = definition.RequiredSkills.Where(s => !known.Contains(s)).Distinct().ToList();
            var reason = unknown.Count > 0
                ? $"no agent has {Skills(unknown)}"
                : $"no agent has all of {Skills(definition.RequiredSkills)}";
            return new UnassignedTaskReason(definition.Id, UnassignedReasonKind.NoSkilledAgent, reason);
        }

        var unassignedPredecessors = instance.Predecessors[task].Where(p => schedule.AgentOfTask[p] < 0).Select(p => problem.Tasks[p].Id).ToList();
        if (unassignedPredecessors.Count > 0)
            return new UnassignedTaskReason(definition.Id, UnassignedReasonKind.DependsOnUnassigned,
                $"it depends on unassigned task{(unassignedPredecessors.Count > 1 ? "s" : "")} {string.Join(", ", unassignedPredecessors)}");

        var load = new double[instance.AgentCount];
        for (var t = 0; t < schedule.TaskCount; t++)
            if (schedule.AgentOfTask[t] >= 0 && schedule.AgentOfTask[t] < instance.AgentCount)
                load[schedule.AgentOfTask[t]] += instance.Load(t, schedule.AgentOfTask[t]);
        var earliestStart = instance.Predecessors[task].Select(p => schedule.End[p]).Where(e => !double.IsNaN(e)).Append(definition.ReleaseTime).Max();

        var ruledOut = new List<(UnassignedReasonKind Kind, string Text)>();
        foreach (var a in eligible)
        {
            if (RuleOut(instance, schedule, task, a, load[a], earliestStart) is not { } reason)
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
        return new UnassignedTaskReason(definition.Id, kind, $"{lead}: {string.Join("; ", ruledOut.Select(r => r.Text))}");
    }

    private static (UnassignedReasonKind Kind, string Text)? RuleOut(ProblemInstance instance, Schedule schedule, int task, int agent, double agentLoad, double earliestStart)
    {
        var problem = instance.Problem;
        var id = problem.Agents[agent].Id;
        var need = instance.Load(task, agent);
        var capacity = instance.Capacity[agent];
        if (problem.Constraints.Capacity.IsHard && NumericTolerance.Exceeds(agentLoad + need, capacity))
            return (UnassignedReasonKind.NoCapacity,
                $"{id} carries {F(agentLoad)} of capacity {F(capacity)} and the task needs {F(need)}");

        var windows = problem.Agents[agent].Availability;
        var duration = instance.Duration(task, agent);
        if (AvailabilityFit.EarliestFinish(windows, earliestStart, duration) is not { } finish)
            return (UnassignedReasonKind.NoAvailabilityWindow,
                $"{id}'s windows after time {F(earliestStart)} are too short for duration {F(duration)} (longest window {F(AvailabilityFit.LongestWindow(windows))})");

        if (problem.Constraints.Deadlines.IsHard && problem.Tasks[task].Deadline is { } deadline && NumericTolerance.Exceeds(finish, deadline))
            return (UnassignedReasonKind.DeadlineUnreachable, $"on {id} it would end at {F(finish)} at the earliest, after its deadline {F(deadline)}");

        var timeline = new AgentTimeline(windows);
        for (var t = 0; t < schedule.TaskCount; t++)
            if (schedule.AgentOfTask[t] == agent && schedule.IsPlaced(t))
                timeline.Reserve(schedule.Start[t], schedule.End[t]);
        if (timeline.FindStart(earliestStart, duration) is not { } start)
            return (UnassignedReasonKind.NoAvailabilityWindow, $"{id}'s windows after time {F(earliestStart)} are booked by its other tasks");
        if (problem.Constraints.Deadlines.IsHard && problem.Tasks[task].Deadline is { } due && NumericTolerance.Exceeds(start + duration, due))
            return (UnassignedReasonKind.DeadlineUnreachable, $"{id} is busy until it could only end at {F(start + duration)}, after its deadline {F(due)}");
        return null;
    }

    private static string Skills(IReadOnlyCollection<string> skills) =>
        skills.Count == 1 ? $"skill '{skills.First()}'" : "skills " + string.Join(", ", skills.Select(s => $"'{s}'"));

    private static string F(double value) => SolutionExplainer.Format(value);
}

using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Scheduling;

namespace QuantumScheduler.Solvers.Diagnosis;

/// <summary>
/// A must-assign task that no agent can take even with nothing else to do: no agent has its skills, or
/// on each eligible agent its load exceeds the whole capacity, no window holds it, or it cannot end by
/// its hard deadline.
/// </summary>
internal static class TaskFitAnalysis
{
    public static IEnumerable<Conflict> Find(DiagnosisContext context)
    {
        var instance = context.Instance;
        for (var t = 0; t < instance.TaskCount; t++)
        {
            if (!context.Mandatory[t])
                continue;
            var task = context.Problem.Tasks[t];
            if (instance.EligibleAgents[t].Length == 0)
            {
                var known = context.Problem.Agents.SelectMany(a => a.Skills).ToHashSet(StringComparer.Ordinal);
                var unknown = task.RequiredSkills.Where(s => !known.Contains(s)).Distinct().ToList();
                yield return new Conflict(ConflictKind.TaskFitsNoAgent, [task.Id], [], null, null,
                    unknown.Count > 0
                        ? $"task {task.Id} needs {DiagnosisContext.Skills(unknown)}, which no agent has"
                        : $"task {task.Id} needs {DiagnosisContext.Skills(task.RequiredSkills)} together, and no agent has all of them");
                continue;
            }

            var reasons = new List<string>();
            foreach (var a in instance.EligibleAgents[t])
            {
                if (RuleOut(context, t, a) is not { } reason)
                    break;
                reasons.Add(reason);
            }
            if (reasons.Count < instance.EligibleAgents[t].Length)
                continue;
            var agents = instance.EligibleAgents[t].Select(context.AgentId).ToList();
            var pinned = instance.PinnedAgent[t] >= 0 ? $" (pinned to {context.AgentId(instance.PinnedAgent[t])})" : "";
            yield return new Conflict(ConflictKind.TaskFitsNoAgent, [task.Id], agents, null, null,
                $"task {task.Id} fits no agent that may take it{pinned}: {string.Join("; ", reasons)}");
        }
    }

    private static string? RuleOut(DiagnosisContext context, int t, int a)
    {
        var instance = context.Instance;
        var task = context.Problem.Tasks[t];
        var id = context.AgentId(a);
        if (context.CapacityIsHard && NumericTolerance.Exceeds(instance.Load(t, a), instance.Capacity[a]))
            return $"its load {DiagnosisContext.Format(instance.Load(t, a))} exceeds {id}'s capacity {DiagnosisContext.Format(instance.Capacity[a])}";
        var windows = context.Problem.Agents[a].Availability;
        var duration = instance.Duration(t, a);
        if (AvailabilityFit.EarliestFinish(windows, task.ReleaseTime, duration) is not { } finish)
            return $"no window of {id} after its release {DiagnosisContext.Format(task.ReleaseTime)} holds its duration {DiagnosisContext.Format(duration)}";
        if (context.DeadlinesAreHard && task.Deadline is { } deadline && NumericTolerance.Exceeds(finish, deadline))
            return $"on {id} it ends at {DiagnosisContext.Format(finish)} at the earliest (release {DiagnosisContext.Format(task.ReleaseTime)}, duration {DiagnosisContext.Format(duration)}), after its deadline {DiagnosisContext.Format(deadline)}";
        return null;
    }
}

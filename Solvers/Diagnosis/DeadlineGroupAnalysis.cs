using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Diagnosis;

/// <summary>
/// Time conflicts within groups of agents. Must-assign tasks that are released at or after r, due by D
/// (hard deadlines) and can only go to agents of a group S must all run inside [r, D] on S, one at a time
/// per agent; each takes at least its shortest duration on its eligible agents. If those durations sum
/// to more than the working time S has in [r, D] (its availability windows cut to the interval), no
/// schedule exists. Intervals are tried for every release r and deadline D of the group's tasks.
/// </summary>
internal static class DeadlineGroupAnalysis
{
    /// <summary>Caps the work (groups × intervals × tasks) so diagnosis stays fast on large problems.</summary>
    private const long WorkBudget = 20_000_000;

    private const int MaxConflicts = 3;

    public static IEnumerable<Conflict> Find(DiagnosisContext context)
    {
        if (!context.DeadlinesAreHard)
            return [];
        var instance = context.Instance;
        var tasks = context.Problem.Tasks;
        var candidates = Enumerable.Range(0, instance.TaskCount)
            .Where(t => context.Mandatory[t] && instance.EligibleAgents[t].Length > 0 && tasks[t].Deadline is not null)
            .ToList();
        var shortest = candidates.ToDictionary(t => t, t => instance.EligibleAgents[t].Min(a => instance.Duration(t, a)));
        double Release(int t) => tasks[t].ReleaseTime;
        double Deadline(int t) => tasks[t].Deadline!.Value;
        double Supply(IReadOnlyCollection<int> chosen) =>
            AgentGroups.Of(context, chosen).Sum(a => WorkingTime(context.Problem.Agents[a].Availability, chosen.Min(Release), chosen.Max(Deadline)));

        var conflicts = new List<Conflict>();
        var explained = new List<HashSet<int>>();
        var work = 0L;
        foreach (var group in AgentGroups.Candidates(context, candidates))
        {
            if (conflicts.Count >= MaxConflicts || work > WorkBudget)
                break;
            if (explained.Any(group.IsSupersetOf))
                continue;
            var inside = candidates.Where(t => AgentGroups.Confines(context, group, t)).ToList();
            if (inside.Count < 2)
                continue;
            foreach (var (from, to) in Intervals(inside, Release, Deadline))
            {
                if ((work += inside.Count) > WorkBudget)
                    break;
                var within = inside.Where(t => Release(t) >= from && Deadline(t) <= to).ToList();
                if (within.Count < 2 || !NumericTolerance.Exceeds(within.Sum(t => shortest[t]), group.Sum(a => WorkingTime(context.Problem.Agents[a].Availability, from, to))))
                    continue;
                var chosen = MinimalOverload.Select(within, t => shortest[t], Supply);
                if (chosen.Count < 2)
                    continue; // a single task that cannot meet its deadline is TaskFitAnalysis's to report
                var agents = AgentGroups.Of(context, chosen);
                explained.Add(agents);
                conflicts.Add(Describe(context, chosen, agents, chosen.Sum(t => shortest[t]), Supply(chosen), chosen.Min(Release), chosen.Max(Deadline)));
                break;
            }
        }
        return conflicts;
    }

    private static IEnumerable<(double From, double To)> Intervals(List<int> tasks, Func<int, double> release, Func<int, double> deadline)
    {
        var releases = tasks.Select(release).Distinct().Order().ToList();
        var deadlines = tasks.Select(deadline).Distinct().Order().ToList();
        return releases.SelectMany(r => deadlines.Where(d => d > r).Select(d => (r, d))).OrderBy(i => i.d - i.r);
    }

    /// <summary>The time an agent can work within [from, to]: the interval cut by its availability windows.</summary>
    private static double WorkingTime(IReadOnlyList<TimeWindow>? windows, double from, double to) =>
        windows is null
            ? Math.Max(0, to - from)
            : windows.Sum(w => Math.Max(0, Math.Min(w.End, to) - Math.Max(w.Start, from)));

    private static Conflict Describe(DiagnosisContext context, List<int> tasks, HashSet<int> agents, double demand, double supply, double from, double to)
    {
        var taskIds = tasks.Select(context.TaskId).ToList();
        var agentIds = agents.Order().Select(context.AgentId).ToList();
        var who = agentIds.Count == 1 ? $"agent {agentIds[0]}" : $"agents {DiagnosisContext.List(agentIds)}";
        var restriction = agents.Count == context.Instance.AgentCount ? "" : " (by skills and pins)";
        var has = agentIds.Count == 1 ? $"{agentIds[0]} has" : "they have";
        return new Conflict(ConflictKind.DeadlineGroupTime, taskIds, agentIds, demand, supply,
            $"tasks {DiagnosisContext.Shorten(taskIds)} can only run on {who}{restriction}, between their earliest release {DiagnosisContext.Format(from)} and latest deadline {DiagnosisContext.Format(to)}; they need at least {DiagnosisContext.Format(demand)} time units, but {has} only {DiagnosisContext.Format(supply)} available then");
    }
}

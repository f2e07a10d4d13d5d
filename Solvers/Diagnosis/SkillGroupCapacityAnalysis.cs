using QuantumScheduler.Solvers.Evaluation;

namespace QuantumScheduler.Solvers.Diagnosis;

/// <summary>
/// Capacity conflicts within groups of agents. For a group S, the must-assign tasks whose every eligible
/// agent is in S must all fit in S; each puts at least its smallest load (over its eligible agents) on
/// S, so if those smallest loads sum to more than S's total capacity, no schedule exists. Groups come
/// from <see cref="AgentGroups"/>, smallest first; all agents together is the total-capacity check. A
/// conflict is shrunk by <see cref="MinimalOverload"/> to few tasks and the agents those tasks can use.
/// </summary>
internal static class SkillGroupCapacityAnalysis
{
    /// <summary>Caps the work (candidate groups × tasks) so diagnosis stays fast on large problems.</summary>
    private const long WorkBudget = 20_000_000;

    private const int MaxConflicts = 3;

    public static IEnumerable<Conflict> Find(DiagnosisContext context, IReadOnlyList<IReadOnlySet<int>> alreadyExplained)
    {
        if (!context.CapacityIsHard)
            return [];
        var instance = context.Instance;
        var tasks = Enumerable.Range(0, instance.TaskCount).Where(t => context.Mandatory[t] && instance.EligibleAgents[t].Length > 0).ToList();
        var minimumLoad = tasks.ToDictionary(t => t, context.MinimumLoad);
        double Supply(IEnumerable<int> chosen) => AgentGroups.Of(context, chosen).Sum(a => instance.Capacity[a]);

        var explained = alreadyExplained.ToList();
        var conflicts = new List<Conflict>();
        var work = 0L;
        foreach (var group in AgentGroups.Candidates(context, tasks))
        {
            if (conflicts.Count >= MaxConflicts || (work += tasks.Count) > WorkBudget)
                break;
            if (explained.Any(group.IsSupersetOf) || double.IsPositiveInfinity(group.Sum(a => instance.Capacity[a])))
                continue;
            var inside = tasks.Where(t => AgentGroups.Confines(context, group, t)).ToList();
            if (!NumericTolerance.Exceeds(inside.Sum(t => minimumLoad[t]), group.Sum(a => instance.Capacity[a])))
                continue; // overloads within smaller groups are found when those groups are tried
            var chosen = MinimalOverload.Select(inside, t => minimumLoad[t], Supply);
            if (chosen.Count < 2)
                continue; // none, or one task too big for every agent it may use: TaskFitAnalysis reports that
            var agents = AgentGroups.Of(context, chosen);
            explained.Add(agents);
            conflicts.Add(Describe(context, chosen, agents, chosen.Sum(t => minimumLoad[t]), Supply(chosen)));
        }
        return conflicts;
    }

    private static Conflict Describe(DiagnosisContext context, List<int> tasks, HashSet<int> agents, double demand, double supply)
    {
        var taskIds = tasks.Select(context.TaskId).ToList();
        var agentIds = agents.Order().Select(context.AgentId).ToList();
        var shownTasks = DiagnosisContext.Shorten(taskIds);
        if (agents.Count == context.Instance.AgentCount && context.Instance.AgentCount > 1)
            return new Conflict(ConflictKind.TotalCapacity, taskIds, agentIds, demand, supply,
                $"tasks {shownTasks} together need at least load {DiagnosisContext.Format(demand)}, more than the total capacity {DiagnosisContext.Format(supply)} of all agents");

        var exclusive = context.ExclusiveSkills(tasks, agents);
        var who = agentIds.Count == 1 ? $"agent {agentIds[0]}" : $"agents {DiagnosisContext.List(agentIds)}";
        var capacity = agentIds.Count == 1 ? $"its capacity {DiagnosisContext.Format(supply)}" : $"their total capacity {DiagnosisContext.Format(supply)}";
        var message = exclusive.Count > 0
            ? $"tasks {shownTasks} need {DiagnosisContext.Skills(exclusive)}; only {who} {(agentIds.Count == 1 ? "has" : "have")} it; their load {DiagnosisContext.Format(demand)} exceeds {capacity}"
            : $"tasks {shownTasks} can only go to {who} (by skills and pins); their load {DiagnosisContext.Format(demand)} exceeds {capacity}";
        return new Conflict(ConflictKind.SkillGroupCapacity, taskIds, agentIds, demand, supply, message);
    }
}

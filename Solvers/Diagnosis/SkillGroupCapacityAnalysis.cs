using QuantumScheduler.Solvers.Evaluation;

namespace QuantumScheduler.Solvers.Diagnosis;

/// <summary>
/// Capacity conflicts within groups of agents. For a set S of agents, the must-assign tasks whose every
/// eligible agent is in S must all fit in S; each puts at least its smallest load (over its eligible
/// agents) on S, so if those smallest loads sum to more than S's total capacity, no schedule exists.
/// Candidate sets are the tasks' own eligible sets and unions of two of them, smallest first, then all
/// agents together (the total-capacity check). A conflict is shrunk to the heaviest tasks that already
/// overload and to the agents those tasks can use.
/// </summary>
internal static class SkillGroupCapacityAnalysis
{
    /// <summary>At most this many distinct eligible sets are paired into unions.</summary>
    private const int PairedSets = 60;

    /// <summary>Caps the work (candidate sets × tasks) so diagnosis stays fast on large problems.</summary>
    private const long WorkBudget = 20_000_000;

    private const int MaxConflicts = 3;

    public static IEnumerable<Conflict> Find(DiagnosisContext context, IReadOnlyList<IReadOnlySet<int>> alreadyExplained)
    {
        if (!context.CapacityIsHard)
            return [];
        var instance = context.Instance;
        var tasks = Enumerable.Range(0, instance.TaskCount).Where(t => context.Mandatory[t] && instance.EligibleAgents[t].Length > 0).ToList();
        if (tasks.Count == 0)
            return [];
        var minimumLoad = tasks.ToDictionary(t => t, context.MinimumLoad);

        var explained = alreadyExplained.ToList();
        var conflicts = new List<Conflict>();
        var work = 0L;
        foreach (var group in Candidates(context, tasks))
        {
            if (conflicts.Count >= MaxConflicts || (work += tasks.Count) > WorkBudget)
                break;
            if (explained.Any(group.IsSupersetOf))
                continue;
            var supply = group.Sum(a => instance.Capacity[a]);
            if (double.IsPositiveInfinity(supply))
                continue;
            var inside = tasks.Where(t => instance.EligibleAgents[t].All(group.Contains)).ToList();
            var demand = inside.Sum(t => minimumLoad[t]);
            if (!NumericTolerance.Exceeds(demand, supply))
                continue;

            var chosen = MinimalOverload.Select(inside, t => minimumLoad[t], supply);
            if (chosen.Count == 1)
                continue; // one task too big for every agent it may use: TaskFitAnalysis reports that
            var agents = chosen.SelectMany(t => instance.EligibleAgents[t]).ToHashSet();
            var chosenSupply = agents.Sum(a => instance.Capacity[a]);
            explained.Add(agents);
            conflicts.Add(Describe(context, chosen, agents, chosen.Sum(t => minimumLoad[t]), chosenSupply, isAllAgents: agents.Count == instance.AgentCount));
        }
        return conflicts;
    }

    private static IEnumerable<HashSet<int>> Candidates(DiagnosisContext context, List<int> tasks)
    {
        var instance = context.Instance;
        var distinct = tasks.Select(t => instance.EligibleAgents[t])
            .DistinctBy(set => string.Join(",", set))
            .OrderBy(set => set.Length).ThenBy(set => string.Join(",", set))
            .Select(set => set.ToHashSet())
            .ToList();
        var candidates = new List<HashSet<int>>(distinct);
        var paired = distinct.Take(PairedSets).ToList();
        for (var i = 0; i < paired.Count; i++)
            for (var j = i + 1; j < paired.Count; j++)
                candidates.Add([.. paired[i], .. paired[j]]);
        candidates.Add(Enumerable.Range(0, instance.AgentCount).ToHashSet());
        return candidates.DistinctBy(set => string.Join(",", set.Order())).OrderBy(set => set.Count);
    }

    private static Conflict Describe(DiagnosisContext context, List<int> tasks, HashSet<int> agents, double demand, double supply, bool isAllAgents)
    {
        var taskIds = tasks.Select(context.TaskId).ToList();
        var agentIds = agents.Order().Select(context.AgentId).ToList();
        var shownTasks = taskIds.Count <= 12 ? DiagnosisContext.List(taskIds) : $"{DiagnosisContext.List(taskIds.Take(12))} and {taskIds.Count - 12} more";
        var loads = $"their load {DiagnosisContext.Format(demand)}";
        if (isAllAgents)
            return new Conflict(ConflictKind.TotalCapacity, taskIds, agentIds, demand, supply,
                $"tasks {shownTasks} together need at least load {DiagnosisContext.Format(demand)}, more than the total capacity {DiagnosisContext.Format(supply)} of all agents");

        var problem = context.Problem;
        var exclusive = tasks.Select(t => (IEnumerable<string>)problem.Tasks[t].RequiredSkills)
            .Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal))
            .Where(skill => Enumerable.Range(0, problem.Agents.Count).Where(a => !agents.Contains(a)).All(a => !problem.Agents[a].Skills.Contains(skill, StringComparer.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var who = agentIds.Count == 1 ? $"agent {agentIds[0]}" : $"agents {DiagnosisContext.List(agentIds)}";
        var capacity = agentIds.Count == 1 ? $"its capacity {DiagnosisContext.Format(supply)}" : $"their total capacity {DiagnosisContext.Format(supply)}";
        var message = exclusive.Count > 0
            ? $"tasks {shownTasks} need {(exclusive.Count == 1 ? $"skill '{exclusive[0]}'" : "skills " + string.Join(", ", exclusive.Select(s => $"'{s}'")))}; only {who} {(agentIds.Count == 1 ? "has" : "have")} it; {loads} exceeds {capacity}"
            : $"tasks {shownTasks} can only go to {who} (by skills and pins); {loads} exceeds {capacity}";
        return new Conflict(ConflictKind.SkillGroupCapacity, taskIds, agentIds, demand, supply, message);
    }
}

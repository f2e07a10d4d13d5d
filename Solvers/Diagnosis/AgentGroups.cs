namespace QuantumScheduler.Solvers.Diagnosis;

/// <summary>
/// The groups of agents worth testing for overload: each task's own set of eligible agents, unions of
/// two of them, and all agents together — smallest first, so the first conflicts found are the smallest.
/// </summary>
internal static class AgentGroups
{
    /// <summary>At most this many distinct eligible sets are paired into unions.</summary>
    private const int PairedSets = 60;

    public static IEnumerable<HashSet<int>> Candidates(DiagnosisContext context, IEnumerable<int> tasks)
    {
        var instance = context.Instance;
        var distinct = tasks.Select(t => instance.EligibleAgents[t])
            .Where(set => set.Length > 0)
            .DistinctBy(Key)
            .OrderBy(set => set.Length).ThenBy(Key)
            .Select(set => set.ToHashSet())
            .ToList();
        var candidates = new List<HashSet<int>>(distinct);
        var paired = distinct.Take(PairedSets).ToList();
        for (var i = 0; i < paired.Count; i++)
            for (var j = i + 1; j < paired.Count; j++)
                candidates.Add([.. paired[i], .. paired[j]]);
        candidates.Add(Enumerable.Range(0, instance.AgentCount).ToHashSet());
        return candidates.DistinctBy(set => Key(set.Order())).OrderBy(set => set.Count);
    }

    /// <summary>The agents the given tasks may use.</summary>
    public static HashSet<int> Of(DiagnosisContext context, IEnumerable<int> tasks) =>
        tasks.SelectMany(t => context.Instance.EligibleAgents[t]).ToHashSet();

    /// <summary>Whether every agent the task may use is in the group.</summary>
    public static bool Confines(DiagnosisContext context, HashSet<int> group, int task) =>
        context.Instance.EligibleAgents[task].All(group.Contains);

    private static string Key(IEnumerable<int> set) => string.Join(",", set);
}

using QuantumScheduler.Solvers.Evaluation;

namespace QuantumScheduler.Solvers.Diagnosis;

/// <summary>Tasks pinned to one agent whose loads exceed its capacity: the fewest heaviest of them that already do.</summary>
internal static class PinnedOverloadAnalysis
{
    public static IEnumerable<Conflict> Find(DiagnosisContext context)
    {
        if (!context.CapacityIsHard)
            yield break;
        var instance = context.Instance;
        for (var a = 0; a < instance.AgentCount; a++)
        {
            var pinned = Enumerable.Range(0, instance.TaskCount).Where(t => instance.PinnedAgent[t] == a).ToList();
            var capacity = instance.Capacity[a];
            if (!NumericTolerance.Exceeds(pinned.Sum(t => instance.Load(t, a)), capacity))
                continue;
            var minimal = MinimalOverload.Select(pinned, t => instance.Load(t, a), _ => capacity);
            var load = minimal.Sum(t => instance.Load(t, a));
            var ids = minimal.Select(context.TaskId).ToList();
            yield return new Conflict(ConflictKind.PinnedOverload, ids, [context.AgentId(a)], load, capacity,
                $"tasks {DiagnosisContext.List(ids)} are pinned to {context.AgentId(a)}; their load {DiagnosisContext.Format(load)} exceeds its capacity {DiagnosisContext.Format(capacity)}");
        }
    }
}

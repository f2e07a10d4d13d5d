using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Scheduling;

namespace QuantumScheduler.Solvers.Diagnosis;

/// <summary>
/// Chains of dependent must-assign tasks that cannot meet a hard deadline. Each task's earliest finish
/// is a lower bound: it starts no earlier than its release and its dependencies' earliest finishes and
/// takes its shortest duration on an eligible agent, inside a window. When that bound passes the
/// deadline because of a predecessor, the chain of binding predecessors is the conflict. Tasks that miss
/// their deadline even alone are left to <see cref="TaskFitAnalysis"/>.
/// </summary>
internal static class DependencyChainAnalysis
{
    public static IEnumerable<Conflict> Find(DiagnosisContext context)
    {
        if (!context.DeadlinesAreHard)
            yield break;
        var instance = context.Instance;
        var tasks = context.Problem.Tasks;
        var finish = new double[instance.TaskCount];
        var binding = new int[instance.TaskCount];
        var late = new bool[instance.TaskCount];
        Array.Fill(finish, double.PositiveInfinity);

        foreach (var t in TaskOrder.Compute(instance))
        {
            var start = tasks[t].ReleaseTime;
            binding[t] = -1;
            foreach (var p in instance.Predecessors[t])
                if (finish[p] > start)
                {
                    start = finish[p];
                    binding[t] = p;
                }
            finish[t] = instance.EligibleAgents[t]
                .Select(a => AvailabilityFit.EarliestFinish(context.Problem.Agents[a].Availability, start, instance.Duration(t, a)) ?? double.PositiveInfinity)
                .DefaultIfEmpty(double.PositiveInfinity).Min();

            if (!context.Mandatory[t] || binding[t] < 0 || double.IsPositiveInfinity(finish[t]) || tasks[t].Deadline is not { } deadline || !NumericTolerance.Exceeds(finish[t], deadline))
                continue;
            var chain = new List<int> { t };
            for (var p = binding[t]; p >= 0; p = binding[p])
                chain.Add(p);
            chain.Reverse();
            late[t] = true;
            if (chain.Take(chain.Count - 1).Any(c => late[c]))
                continue; // an earlier task of this chain already explains it
            var ids = chain.Select(context.TaskId).ToList();
            var first = tasks[chain[0]];
            var durations = string.Join(" + ", chain.Select(c => DiagnosisContext.Format(instance.EligibleAgents[c].Min(a => instance.Duration(c, a)))));
            yield return new Conflict(ConflictKind.DependencyChainTooLong, ids, [], finish[t] - first.ReleaseTime, deadline - first.ReleaseTime,
                $"dependency chain {string.Join(" → ", ids)} (each before the next) starts at {first.Id}'s release {DiagnosisContext.Format(first.ReleaseTime)} and takes at least {durations}, so {tasks[t].Id} ends at {DiagnosisContext.Format(finish[t])} at the earliest, after its deadline {DiagnosisContext.Format(deadline)}");
        }
    }
}

using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Scheduling;

/// <summary>
/// The order in which the schedule builder places tasks: every task after the tasks it depends on
/// (topological), ties broken by earliest deadline, then highest priority, then input order, so the
/// result is deterministic. Tasks on a dependency cycle are left out.
/// </summary>
/// <remarks>
/// The deadline used is the effective one: a task must also end early enough for each of its dependents
/// to meet theirs (dependent's effective deadline − its shortest duration), so a task that others wait
/// for is not pushed back behind unrelated work.
/// </remarks>
internal static class TaskOrder
{
    public static int[] Compute(ProblemInstance instance)
    {
        var tasks = instance.Problem.Tasks;
        var remaining = new int[instance.TaskCount];
        var successors = new List<int>[instance.TaskCount];
        for (var t = 0; t < instance.TaskCount; t++)
            successors[t] = [];
        for (var t = 0; t < instance.TaskCount; t++)
            foreach (var p in instance.Predecessors[t].Distinct())
            {
                successors[p].Add(t);
                remaining[t]++;
            }

        var deadline = EffectiveDeadlines(instance, successors, (int[])remaining.Clone());
        var ready = new PriorityQueue<int, (double Deadline, double NegativePriority, int Index)>();
        void Enqueue(int t) => ready.Enqueue(t, (deadline[t], -tasks[t].Priority, t));
        for (var t = 0; t < instance.TaskCount; t++)
            if (remaining[t] == 0)
                Enqueue(t);

        var order = new List<int>(instance.TaskCount);
        while (ready.TryDequeue(out var task, out _))
        {
            order.Add(task);
            foreach (var s in successors[task])
                if (--remaining[s] == 0)
                    Enqueue(s);
        }
        return [.. order];
    }

    private static double[] EffectiveDeadlines(ProblemInstance instance, List<int>[] successors, int[] remaining)
    {
        var topological = new List<int>(instance.TaskCount);
        var queue = new Queue<int>(Enumerable.Range(0, instance.TaskCount).Where(t => remaining[t] == 0));
        while (queue.TryDequeue(out var task))
        {
            topological.Add(task);
            foreach (var s in successors[task])
                if (--remaining[s] == 0)
                    queue.Enqueue(s);
        }

        var deadline = instance.Problem.Tasks.Select(t => t.Deadline ?? double.PositiveInfinity).ToArray();
        for (var i = topological.Count - 1; i >= 0; i--)
        {
            var task = topological[i];
            foreach (var s in successors[task])
            {
                var shortest = instance.EligibleAgents[s].Select(a => instance.Duration(s, a)).DefaultIfEmpty(instance.Problem.Tasks[s].Duration).Min();
                deadline[task] = Math.Min(deadline[task], deadline[s] - shortest);
            }
        }
        return deadline;
    }
}

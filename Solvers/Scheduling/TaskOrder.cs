using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Scheduling;

/// <summary>
/// The order in which the schedule builder places tasks: every task after the tasks it depends on
/// (topological), ties broken by earliest deadline, then highest priority, then input order, so the
/// result is deterministic. Tasks on a dependency cycle are left out.
/// </summary>
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

        var ready = new PriorityQueue<int, (double Deadline, double NegativePriority, int Index)>();
        void Enqueue(int t) => ready.Enqueue(t, (tasks[t].Deadline ?? double.PositiveInfinity, -tasks[t].Priority, t));
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
}

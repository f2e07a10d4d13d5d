namespace QuantumScheduler.Solvers.Validation;

/// <summary>Finds dependency cycles among tasks, one cycle per tangle, so each can be named in a message.</summary>
internal static class DependencyCycles
{
    /// <summary>
    /// Cycles in the graph where task t depends on each of <paramref name="predecessors"/>[t]. Each cycle
    /// lists task indexes in dependency order (each depends on the next; the last depends on the first).
    /// A cycle sharing a task with one already reported is not reported again.
    /// </summary>
    public static IReadOnlyList<int[]> Find(IReadOnlyList<IReadOnlyList<int>> predecessors)
    {
        var count = predecessors.Count;
        var state = new byte[count]; // 0 = unvisited, 1 = on the current path, 2 = done
        var inReported = new bool[count];
        var cycles = new List<int[]>();
        var path = new List<int>();
        var next = new int[count];

        for (var root = 0; root < count; root++)
        {
            if (state[root] != 0)
                continue;
            path.Add(root);
            state[root] = 1;
            while (path.Count > 0)
            {
                var task = path[^1];
                if (next[task] < predecessors[task].Count)
                {
                    var p = predecessors[task][next[task]++];
                    if (state[p] == 0)
                    {
                        state[p] = 1;
                        path.Add(p);
                    }
                    else if (state[p] == 1)
                    {
                        var cycle = path.Skip(path.IndexOf(p)).ToArray();
                        if (!cycle.Any(t => inReported[t]))
                        {
                            cycles.Add(cycle);
                            foreach (var t in cycle)
                                inReported[t] = true;
                        }
                    }
                }
                else
                {
                    state[task] = 2;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
        return cycles;
    }
}

namespace QuantumScheduler.Solvers.Quantum.Qubo.Repair;

/// <summary>
/// Makes a decoded sample feasible where it can, greedily: first give every task that must have an agent the
/// cheapest eligible agent it fits on (the least overloaded one if none fits), then move tasks off overloaded
/// agents by the smallest score increase (or, when tasks may stay unassigned, drop the cheapest-to-drop one).
/// </summary>
internal static class GreedyRepair
{
    public static void Repair(AssignmentState state)
    {
        var instance = state.Instance;
        var missing = Enumerable.Range(0, instance.TaskCount)
            .Where(t => state.AgentOfTask[t] < 0 && state.IsMovable(t) && !state.AllowUnassigned)
            .OrderByDescending(t => instance.EligibleAgents[t].Select(a => instance.Load(t, a)).DefaultIfEmpty(0).Max());
        foreach (var t in missing)
        {
            var best = -1;
            var bestKey = (Overload: double.PositiveInfinity, Delta: double.PositiveInfinity);
            foreach (var a in instance.EligibleAgents[t])
            {
                var key = (Math.Max(0, state.Load(a) + instance.Load(t, a) - instance.Capacity[a]), state.MoveDelta(t, a));
                if (key.CompareTo(bestKey) < 0) (best, bestKey) = (a, key);
            }
            if (best >= 0) state.Move(t, best);
        }

        // Each step moves a task off an overloaded agent to one it fits on, so loads only go down where they
        // are over; the bound guards against data where no step helps.
        for (var step = 0; step < instance.TaskCount * Math.Max(1, instance.AgentCount); step++)
        {
            var (task, to, delta) = (-1, -1, double.PositiveInfinity);
            for (var t = 0; t < instance.TaskCount; t++)
            {
                var from = state.AgentOfTask[t];
                if (from < 0 || !state.IsMovable(t) || !state.IsOverloaded(from)) continue;
                foreach (var a in instance.EligibleAgents[t])
                {
                    if (a == from || !state.Fits(t, a)) continue;
                    var d = state.MoveDelta(t, a);
                    if (d < delta) (task, to, delta) = (t, a, d);
                }
                if (state.AllowUnassigned)
                {
                    var d = state.MoveDelta(t, -1);
                    if (d < delta) (task, to, delta) = (t, -1, d);
                }
            }
            if (task < 0) return;
            state.Move(task, to);
        }
    }
}

namespace QuantumScheduler.Solvers.Quantum.Qubo.Repair;

/// <summary>
/// Makes a decoded sample feasible where it can, greedily: put pinned tasks on their agents, give every task
/// that must have an agent one by the regret rule (<see cref="PlaceByRegret"/>), then empty overloaded
/// agents: move a task to an agent it fits on at the smallest score increase (or, when allowed, leave it
/// unassigned); when no such move exists, make the shift or swap that most reduces the total excess load.
/// GAP feasibility is NP-hard, so this can fail on tight instances (or run out of time); the checker says
/// so then.
/// </summary>
internal static class GreedyRepair
{
    /// <summary>Repairs in place; the excess-reducing phase stops at the deadline (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public static void Repair(AssignmentState state, long deadline)
    {
        var instance = state.Instance;
        for (var t = 0; t < instance.TaskCount; t++)
            if (!state.IsMovable(t) && state.AgentOfTask[t] != instance.PinnedAgent[t])
                state.Move(t, instance.PinnedAgent[t]);

        PlaceByRegret(state, deadline);

        // Every step lowers the total excess or empties an overloaded agent by a move that fits; the bound only
        // guards against numerical ping-pong.
        for (var step = 0; step < 4 * instance.TaskCount * Math.Max(1, instance.AgentCount); step++)
            if (System.Diagnostics.Stopwatch.GetTimestamp() >= deadline || (!FittingMove(state) && !ExcessReducingMove(state)))
                return;
    }

    /// <summary>
    /// Gives every task that must have an agent one, most urgent first (Martello and Toth's regret rule): the
    /// task whose best agent with room beats its second best by the most, or that has one or no agent with
    /// room, is placed next, on that best agent (the least overloaded one when none has room).
    /// </summary>
    private static void PlaceByRegret(AssignmentState state, long deadline)
    {
        var instance = state.Instance;
        if (state.AllowUnassigned) return;
        var missing = Enumerable.Range(0, instance.TaskCount).Where(t => state.AgentOfTask[t] < 0 && state.IsMovable(t) && instance.EligibleAgents[t].Length > 0).ToList();
        while (missing.Count > 0)
        {
            var timeUp = System.Diagnostics.Stopwatch.GetTimestamp() >= deadline;
            var (pick, agent, urgency) = (-1, -1, double.NegativeInfinity);
            foreach (var t in missing)
            {
                var (best, bestDelta, second) = (-1, double.PositiveInfinity, double.PositiveInfinity);
                foreach (var a in instance.EligibleAgents[t])
                {
                    if (!state.Fits(t, a)) continue;
                    var d = state.MoveDelta(t, a);
                    if (d < bestDelta) (best, bestDelta, second) = (a, d, bestDelta);
                    else if (d < second) second = d;
                }
                if (best < 0) best = LeastOverloaded(state, t);
                var regret = double.IsPositiveInfinity(second) ? double.PositiveInfinity : second - bestDelta;
                if (regret > urgency || pick < 0) (pick, agent, urgency) = (t, best, regret);
                // Out of time: place the rest in order, without looking for the most urgent.
                if (timeUp) break;
            }
            state.Move(pick, agent);
            missing.Remove(pick);
        }
    }

    private static int LeastOverloaded(AssignmentState state, int task)
    {
        var instance = state.Instance;
        var (best, bestKey) = (-1, (Overload: double.PositiveInfinity, Delta: double.PositiveInfinity));
        foreach (var a in instance.EligibleAgents[task])
        {
            var key = (Math.Max(0, state.Load(a) + instance.Load(task, a) - instance.Capacity[a]), state.MoveDelta(task, a));
            if (key.CompareTo(bestKey) < 0) (best, bestKey) = (a, key);
        }
        return best;
    }

    private static bool FittingMove(AssignmentState state)
    {
        var instance = state.Instance;
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
        if (task < 0) return false;
        state.Move(task, to);
        return true;
    }

    private static bool ExcessReducingMove(AssignmentState state)
    {
        var instance = state.Instance;
        var (first, second, to, best) = (-1, -1, -1, (Reduction: 0.0, Delta: double.PositiveInfinity));
        for (var t1 = 0; t1 < instance.TaskCount; t1++)
        {
            var a = state.AgentOfTask[t1];
            if (a < 0 || !state.IsMovable(t1) || !state.IsOverloaded(a)) continue;
            foreach (var b in instance.EligibleAgents[t1])
            {
                if (b == a) continue;
                var reduction = Excess(state, a, 0) + Excess(state, b, 0) - Excess(state, a, -instance.Load(t1, a)) - Excess(state, b, instance.Load(t1, b));
                Consider(reduction, state.MoveDelta(t1, b), t1, -1, b);
            }
            for (var t2 = 0; t2 < instance.TaskCount; t2++)
            {
                var b = state.AgentOfTask[t2];
                if (b < 0 || b == a || !state.IsMovable(t2) || !instance.IsEligible(t1, b) || !instance.IsEligible(t2, a)) continue;
                var reduction = Excess(state, a, 0) + Excess(state, b, 0)
                    - Excess(state, a, instance.Load(t2, a) - instance.Load(t1, a)) - Excess(state, b, instance.Load(t1, b) - instance.Load(t2, b));
                Consider(reduction, state.SwapDelta(t1, t2), t1, t2, -1);
            }
        }
        if (first < 0) return false;
        if (second < 0) state.Move(first, to);
        else
        {
            var (a, b) = (state.AgentOfTask[first], state.AgentOfTask[second]);
            state.Move(first, b);
            state.Move(second, a);
        }
        return true;

        void Consider(double reduction, double delta, int t1, int t2, int agent)
        {
            if (reduction <= 1e-9 || reduction < best.Reduction - 1e-9 || (reduction <= best.Reduction + 1e-9 && delta >= best.Delta)) return;
            (first, second, to, best) = (t1, t2, agent, (reduction, delta));
        }
    }

    private static double Excess(AssignmentState state, int agent, double change) =>
        Math.Max(0, state.Load(agent) + change - state.Instance.Capacity[agent]);
}

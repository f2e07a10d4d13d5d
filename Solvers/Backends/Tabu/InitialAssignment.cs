namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// The starting point of the search: the user's warm start where it is usable, completed greedily. The greedy
/// places tasks in order of decreasing regret (how much a task loses if it cannot have its cheapest slot) on the
/// cheapest slot that still has room, else on the slot it overloads least. The result may be infeasible; the
/// search repairs it.
/// </summary>
internal static class InitialAssignment
{
    public static int[] Build(AssignmentModel model)
    {
        var slotOf = new int[model.TaskCount];
        Array.Fill(slotOf, -1);
        var slotLoad = new double[model.SlotCount];
        ApplyWarmStart(model, slotOf, slotLoad);

        var pending = Enumerable.Range(0, model.TaskCount).Where(t => slotOf[t] < 0).ToArray();
        var regret = pending.Select(t => Regret(model, t)).ToArray();
        Array.Sort(regret, pending);
        for (var i = pending.Length - 1; i >= 0; i--)
        {
            var task = pending[i];
            var slot = CheapestFitting(model, task, slotLoad);
            slotOf[task] = slot;
            slotLoad[slot] += model.Load[task * model.SlotCount + slot];
        }
        return slotOf;
    }

    /// <summary>Takes the usable entries of the problem's initial solution: known task, eligible agent; pins always win.</summary>
    private static void ApplyWarmStart(AssignmentModel model, int[] slotOf, double[] slotLoad)
    {
        var instance = model.Instance;
        for (var t = 0; t < model.TaskCount; t++)
        {
            if (instance.PinnedAgent[t] >= 0) Place(model, slotOf, slotLoad, t, instance.PinnedAgent[t]);
        }
        foreach (var assignment in instance.Problem.InitialSolution ?? [])
        {
            if (!instance.TaskIndex.TryGetValue(assignment.TaskId, out var task) || slotOf[task] >= 0) continue;
            if (!instance.AgentIndex.TryGetValue(assignment.AgentId, out var agent) || !model.IsEligible(task, agent)) continue;
            Place(model, slotOf, slotLoad, task, agent);
        }
    }

    private static void Place(AssignmentModel model, int[] slotOf, double[] slotLoad, int task, int slot)
    {
        slotOf[task] = slot;
        slotLoad[slot] += model.Load[task * model.SlotCount + slot];
    }

    private static double Regret(AssignmentModel model, int task)
    {
        double best = double.PositiveInfinity, second = double.PositiveInfinity;
        foreach (var slot in model.EligibleSlots[task])
        {
            var cost = model.Cost[task * model.SlotCount + slot];
            if (cost < best) (best, second) = (cost, best);
            else if (cost < second) second = cost;
        }
        return double.IsPositiveInfinity(second) ? double.MaxValue : second - best;
    }

    private static int CheapestFitting(AssignmentModel model, int task, double[] slotLoad)
    {
        int cheapest = -1, leastOverloaded = -1;
        double cheapestCost = double.PositiveInfinity, leastOverload = double.PositiveInfinity;
        foreach (var slot in model.EligibleSlots[task])
        {
            var i = task * model.SlotCount + slot;
            var overload = slotLoad[slot] + model.Load[i] - model.Capacity[slot];
            if (overload <= 0 && model.Cost[i] < cheapestCost) (cheapest, cheapestCost) = (slot, model.Cost[i]);
            if (overload < leastOverload) (leastOverloaded, leastOverload) = (slot, overload);
        }
        return cheapest >= 0 ? cheapest : leastOverloaded;
    }
}

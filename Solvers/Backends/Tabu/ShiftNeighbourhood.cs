namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>Every move of one task to another eligible slot, each evaluated in O(1) from the slot loads.</summary>
internal static class ShiftNeighbourhood
{
    /// <summary>Offers every shift at least as good as the selector's current best; returns the number of moves evaluated.</summary>
    public static long Explore(AssignmentModel model, SearchState state, CapacityPenalty penalty, MoveSelector selector)
    {
        var slotCount = model.SlotCount;
        var cost = model.Cost;
        var load = model.Load;
        var capacity = model.Capacity;
        var weight = penalty.Weight;
        var current = penalty.Current;
        var slotLoad = state.SlotLoad;
        long evaluations = 0;
        foreach (var task in model.MovableTasks)
        {
            var from = state.SlotOf[task];
            var row = task * slotCount;
            var leaveCost = cost[row + from];
            var leave = penalty.At(from, slotLoad[from] - load[row + from]) - current[from] - leaveCost;
            var slots = model.EligibleSlots[task];
            foreach (var to in slots)
            {
                if (to == from) continue;
                var delta = leave + cost[row + to] + weight[to] * Math.Max(0, slotLoad[to] + load[row + to] - capacity[to]) - current[to];
                if (delta <= selector.BestDelta) selector.OfferShift(task, to, delta, cost[row + to] - leaveCost);
            }
            evaluations += slots.Length - 1;
        }
        return evaluations;
    }
}

namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// Ejection chains of length two (Yagiura, Ibaraki and Glover's idea for tight capacities): a task moves into a
/// slot and pushes one of its tasks out to a third slot. For each task the best and second-best non-tabu places to
/// be pushed to are computed once per iteration, so each chain is then evaluated in O(1) and the whole
/// neighbourhood costs about as much as the swaps.
/// </summary>
internal sealed class EjectionChainNeighbourhood
{
    private readonly AssignmentModel _model;
    private readonly TabuList _tabu;
    private readonly double[] _bestEjection;
    private readonly int[] _bestEjectionSlot;
    private readonly double[] _secondEjection;
    private readonly int[] _secondEjectionSlot;
    private readonly int[] _partner;
    private readonly int[] _partnerSlot;
    private readonly double[] _partnerDelta;
    private readonly double[] _partnerCostDelta;
    private readonly double[] _partnerLoadOut;

    public EjectionChainNeighbourhood(AssignmentModel model, TabuList tabu)
    {
        _model = model;
        _tabu = tabu;
        _bestEjection = new double[model.TaskCount];
        _bestEjectionSlot = new int[model.TaskCount];
        _secondEjection = new double[model.TaskCount];
        _secondEjectionSlot = new int[model.TaskCount];
        _partner = new int[model.TaskCount];
        _partnerSlot = new int[model.TaskCount];
        _partnerDelta = new double[model.TaskCount];
        _partnerCostDelta = new double[model.TaskCount];
        _partnerLoadOut = new double[model.TaskCount];
    }

    /// <summary>Offers every chain started by a sampled task at least as good as the selector's current best; returns the number of moves evaluated.</summary>
    public long Explore(SearchState state, CapacityPenalty penalty, MoveSelector selector, CandidateSample sample, long iteration)
    {
        var evaluations = RankEjections(state, penalty, iteration);
        var slotCount = _model.SlotCount;
        for (var entry = 0; entry < slotCount; entry++)
        {
            if (state.MemberCount(entry) == 0) continue;
            for (var origin = 0; origin < slotCount; origin++)
            {
                if (origin == entry || state.MemberCount(origin) == 0) continue;
                var partners = GatherEjectable(state, entry, origin);
                if (partners > 0) evaluations += ExploreOrigin(state, penalty, selector, sample.Included, origin, entry, partners);
            }
        }
        return evaluations;
    }

    /// <summary>For each task, the change of cost + penalty if it alone were pushed to its best and second-best non-tabu slot.</summary>
    private long RankEjections(SearchState state, CapacityPenalty penalty, long iteration)
    {
        var slotCount = _model.SlotCount;
        long evaluations = 0;
        foreach (var task in _model.MovableTasks)
        {
            var from = state.SlotOf[task];
            var row = task * slotCount;
            double best = double.PositiveInfinity, second = double.PositiveInfinity;
            int bestSlot = -1, secondSlot = -1;
            foreach (var to in _model.EligibleSlots[task])
            {
                if (to == from || _tabu.IsTabu(task, to, iteration)) continue;
                var delta = _model.Cost[row + to] - _model.Cost[row + from]
                    + penalty.At(to, state.SlotLoad[to] + _model.Load[row + to]) - penalty.Current[to];
                if (delta < best)
                {
                    (second, secondSlot) = (best, bestSlot);
                    (best, bestSlot) = (delta, to);
                }
                else if (delta < second)
                {
                    (second, secondSlot) = (delta, to);
                }
            }
            _bestEjection[task] = best;
            _bestEjectionSlot[task] = bestSlot;
            _secondEjection[task] = second;
            _secondEjectionSlot[task] = secondSlot;
            evaluations += _model.EligibleSlots[task].Length - 1;
        }
        return evaluations;
    }

    /// <summary>The tasks of <paramref name="entry"/> that can be pushed out to a slot other than <paramref name="origin"/> (that would be a swap).</summary>
    private int GatherEjectable(SearchState state, int entry, int origin)
    {
        var count = 0;
        foreach (var task in state.Members(entry))
        {
            if (!_model.Movable[task]) continue;
            var useSecond = _bestEjectionSlot[task] == origin;
            var slot = useSecond ? _secondEjectionSlot[task] : _bestEjectionSlot[task];
            if (slot < 0) continue;
            _partner[count] = task;
            _partnerSlot[count] = slot;
            _partnerDelta[count] = useSecond ? _secondEjection[task] : _bestEjection[task];
            var row = task * _model.SlotCount;
            _partnerCostDelta[count] = _model.Cost[row + slot] - _model.Cost[row + entry];
            _partnerLoadOut[count] = _model.Load[row + entry];
            count++;
        }
        return count;
    }

    private long ExploreOrigin(SearchState state, CapacityPenalty penalty, MoveSelector selector, bool[] included, int origin, int entry, int partners)
    {
        var slotCount = _model.SlotCount;
        var entryWeight = penalty.Weight[entry];
        var entryPenalty = penalty.Current[entry];
        var partnerDelta = _partnerDelta.AsSpan(0, partners);
        var loadOut = _partnerLoadOut.AsSpan(0, partners);
        long evaluations = 0;
        foreach (var task in state.Members(origin))
        {
            var row = task * slotCount;
            if (!included[task] || double.IsPositiveInfinity(_model.Cost[row + entry])) continue;
            var costDelta = _model.Cost[row + entry] - _model.Cost[row + origin];
            var leave = costDelta + penalty.At(origin, state.SlotLoad[origin] - _model.Load[row + origin]) - penalty.Current[origin] - entryPenalty;
            var entryBase = state.SlotLoad[entry] + _model.Load[row + entry] - _model.Capacity[entry];
            for (var q = 0; q < partnerDelta.Length; q++)
            {
                var delta = leave + partnerDelta[q] + entryWeight * Math.Max(0, entryBase - loadOut[q]);
                if (delta <= selector.BestDelta)
                    selector.OfferChain(task, entry, _partner[q], _partnerSlot[q], delta, costDelta + _partnerCostDelta[q]);
            }
            evaluations += partners;
        }
        return evaluations;
    }
}

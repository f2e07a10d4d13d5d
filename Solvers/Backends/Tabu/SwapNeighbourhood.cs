namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// Every exchange of the slots of two tasks, evaluated in O(1) each. The tasks of the second slot are first
/// gathered into contiguous arrays so that the inner loop reads memory sequentially.
/// </summary>
internal sealed class SwapNeighbourhood
{
    private readonly AssignmentModel _model;
    private readonly int[] _partner;
    private readonly double[] _partnerCostDelta;
    private readonly double[] _partnerLoadIn;
    private readonly double[] _partnerLoadOut;

    public SwapNeighbourhood(AssignmentModel model)
    {
        _model = model;
        _partner = new int[model.TaskCount];
        _partnerCostDelta = new double[model.TaskCount];
        _partnerLoadIn = new double[model.TaskCount];
        _partnerLoadOut = new double[model.TaskCount];
    }

    /// <summary>Offers every swap started by a sampled task at least as good as the selector's current best; returns the number of moves evaluated.</summary>
    public long Explore(SearchState state, CapacityPenalty penalty, MoveSelector selector, CandidateSample sample)
    {
        var slotCount = _model.SlotCount;
        long evaluations = 0;
        for (var first = 0; first < slotCount; first++)
        {
            if (state.MemberCount(first) == 0) continue;
            for (var second = first + 1; second < slotCount; second++)
            {
                var partners = GatherPartners(state, second, first);
                if (partners > 0) evaluations += ExplorePair(state, penalty, selector, sample.Included, first, second, partners);
            }
        }
        return evaluations;
    }

    /// <summary>Copies the movable tasks of <paramref name="slot"/> that may go to <paramref name="target"/>, with what moving there changes.</summary>
    private int GatherPartners(SearchState state, int slot, int target)
    {
        var slotCount = _model.SlotCount;
        var count = 0;
        foreach (var task in state.Members(slot))
        {
            var row = task * slotCount;
            if (!_model.Movable[task] || double.IsPositiveInfinity(_model.Cost[row + target])) continue;
            _partner[count] = task;
            _partnerCostDelta[count] = _model.Cost[row + target] - _model.Cost[row + slot];
            _partnerLoadIn[count] = _model.Load[row + target];
            _partnerLoadOut[count] = _model.Load[row + slot];
            count++;
        }
        return count;
    }

    private long ExplorePair(SearchState state, CapacityPenalty penalty, MoveSelector selector, bool[] included, int first, int second, int partners)
    {
        var slotCount = _model.SlotCount;
        var firstWeight = penalty.Weight[first];
        var secondWeight = penalty.Weight[second];
        var currentPenalty = penalty.Current[first] + penalty.Current[second];
        var costDelta = _partnerCostDelta.AsSpan(0, partners);
        var loadIn = _partnerLoadIn.AsSpan(0, partners);
        var loadOut = _partnerLoadOut.AsSpan(0, partners);
        long evaluations = 0;
        foreach (var task in state.Members(first))
        {
            var row = task * slotCount;
            if (!included[task] || double.IsPositiveInfinity(_model.Cost[row + second])) continue;
            var ownCostDelta = _model.Cost[row + second] - _model.Cost[row + first];
            // Excess of each slot after the swap, before adding/removing the partner's load.
            var firstBase = state.SlotLoad[first] - _model.Load[row + first] - _model.Capacity[first];
            var secondBase = state.SlotLoad[second] + _model.Load[row + second] - _model.Capacity[second];
            var fixedPart = ownCostDelta - currentPenalty;
            for (var q = 0; q < costDelta.Length; q++)
            {
                var delta = fixedPart + costDelta[q]
                    + firstWeight * Math.Max(0, firstBase + loadIn[q])
                    + secondWeight * Math.Max(0, secondBase - loadOut[q]);
                if (delta <= selector.BestDelta) selector.OfferSwap(task, _partner[q], delta, ownCostDelta + costDelta[q]);
            }
            evaluations += partners;
        }
        return evaluations;
    }
}

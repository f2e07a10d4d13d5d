namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// The price per unit of excess load on each slot: the search minimises cost + Σ weight × excess. With hard
/// capacities the weights oscillate (strategic oscillation): a slot that stays overloaded gets dearer every
/// iteration, one that is respected gets cheaper, so the search crosses infeasible space and comes back. With
/// soft capacities the weight is the user's fixed price and never moves.
/// </summary>
internal sealed class CapacityPenalty
{
    private readonly AssignmentModel _model;
    private readonly bool _adaptive;
    private readonly double _initial;
    private readonly double _minimum;
    private readonly double _maximum;
    private readonly double _increase;
    private readonly double _decrease;
    private readonly int _streakLimit;
    private int _infeasibleStreak;

    public CapacityPenalty(AssignmentModel model, TabuSearchOptions options)
    {
        _model = model;
        _adaptive = model.HardCapacity;
        _initial = _adaptive ? CostPerLoadUnit(model) : model.SoftCapacityWeight;
        _minimum = _initial * 1e-4;
        _maximum = _initial * 1e6;
        _streakLimit = Math.Max(10, model.SlotCount);
        _increase = 1 + options.PenaltyIncrease;
        _decrease = 1 - options.PenaltyDecrease;
        Weight = new double[model.SlotCount];
        Current = new double[model.SlotCount];
        Reset();
    }

    /// <summary>Price per unit of excess load, per slot.</summary>
    public double[] Weight { get; }

    /// <summary>The penalty each slot pays now; kept up to date by <see cref="Refresh"/>.</summary>
    public double[] Current { get; }

    public void Reset()
    {
        Array.Fill(Weight, _initial);
        _infeasibleStreak = 0;
    }

    /// <summary>What a slot would pay at the given load.</summary>
    public double At(int slot, double load) => Weight[slot] * Math.Max(0, load - _model.Capacity[slot]);

    public void Refresh(SearchState state)
    {
        for (var s = 0; s < Current.Length; s++) Current[s] = At(s, state.SlotLoad[s]);
    }

    /// <summary>
    /// One oscillation step after a move: overloaded slots get dearer, the others cheaper, so the search keeps
    /// dipping into infeasibility at different slots. Should the solution stay infeasible for long (the excess
    /// wandering from slot to slot, each cheapened in turn), every slot gets dearer until it is feasible again.
    /// </summary>
    public void Adapt(SearchState state)
    {
        if (!_adaptive) return;
        _infeasibleStreak = state.OverloadedSlots == 0 ? 0 : _infeasibleStreak + 1;
        var raiseAll = _infeasibleStreak > _streakLimit;
        for (var s = 0; s < Weight.Length; s++)
        {
            Weight[s] = raiseAll || state.Excess(s) > 0
                ? Math.Min(_maximum, Weight[s] * _increase)
                : Math.Max(_minimum, Weight[s] * _decrease);
        }
    }

    /// <summary>The average |cost| per unit of load: a start price that makes excess neither free nor prohibitive.</summary>
    private static double CostPerLoadUnit(AssignmentModel model)
    {
        double cost = 0, load = 0;
        for (var t = 0; t < model.TaskCount; t++)
        for (var s = 0; s < model.AgentCount; s++)
        {
            var i = t * model.SlotCount + s;
            if (double.IsPositiveInfinity(model.Cost[i])) continue;
            cost += Math.Abs(model.Cost[i]);
            load += model.Load[i];
        }
        return cost > 0 && load > 0 ? cost / load : 1;
    }
}

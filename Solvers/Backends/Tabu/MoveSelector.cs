namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// Picks the best admissible move of an iteration. A move is admissible when it is not tabu, or when it would
/// give a feasible solution better than the best one found (aspiration). Equal moves are chosen uniformly at
/// random (reservoir sampling with the worker's seeded generator, so runs stay reproducible).
/// </summary>
internal sealed class MoveSelector
{
    private readonly AssignmentModel _model;
    private readonly SearchState _state;
    private readonly TabuList _tabu;
    private readonly Random _random;
    private long _iteration;
    private double _aspiration;
    private double _currentObjective;
    private int _ties;

    public MoveSelector(AssignmentModel model, SearchState state, TabuList tabu, Random random)
    {
        _model = model;
        _state = state;
        _tabu = tabu;
        _random = random;
    }

    /// <summary>The penalised-objective change of <see cref="Best"/>; neighbourhoods offer only moves at most this good.</summary>
    public double BestDelta { get; private set; }

    public Move Best { get; private set; }

    /// <summary>Starts an iteration; <paramref name="bestFeasibleObjective"/> is the aspiration level.</summary>
    public void Reset(long iteration, double bestFeasibleObjective)
    {
        _iteration = iteration;
        _aspiration = bestFeasibleObjective;
        _currentObjective = _model.HardCapacity ? _state.Cost : _state.Objective;
        BestDelta = double.PositiveInfinity;
        Best = default;
        _ties = 0;
    }

    /// <summary>Considers moving <paramref name="task"/> to <paramref name="slot"/>, whose penalised change is <paramref name="delta"/> and cost change <paramref name="costDelta"/>.</summary>
    public void OfferShift(int task, int slot, double delta, double costDelta)
    {
        if (_tabu.IsTabu(task, slot, _iteration) && !Aspires(Move.Shift(task, slot), delta, costDelta)) return;
        Accept(Move.Shift(task, slot), delta);
    }

    public void OfferSwap(int task, int partner, double delta, double costDelta)
    {
        var tabu = _tabu.IsTabu(task, _state.SlotOf[partner], _iteration) || _tabu.IsTabu(partner, _state.SlotOf[task], _iteration);
        if (tabu && !Aspires(Move.Swap(task, partner), delta, costDelta)) return;
        Accept(Move.Swap(task, partner), delta);
    }

    /// <summary>
    /// Considers moving <paramref name="task"/> to <paramref name="slot"/> and ejecting <paramref name="partner"/>
    /// from there to <paramref name="partnerSlot"/> (the ejection itself was already chosen among non-tabu moves).
    /// </summary>
    public void OfferChain(int task, int slot, int partner, int partnerSlot, double delta, double costDelta)
    {
        var move = Move.Chain(task, slot, partner, partnerSlot);
        if (_tabu.IsTabu(task, slot, _iteration) && !Aspires(move, delta, costDelta)) return;
        Accept(move, delta);
    }

    private void Accept(Move move, double delta)
    {
        if (delta < BestDelta)
        {
            BestDelta = delta;
            Best = move;
            _ties = 1;
        }
        else if (delta == BestDelta && _random.Next(++_ties) == 0)
        {
            Best = move;
        }
    }

    private bool Aspires(Move move, double delta, double costDelta)
    {
        // With soft capacity the penalty weights are the user's fixed prices, so the penalised change is the objective's change.
        var objective = _currentObjective + (_model.HardCapacity ? costDelta : delta);
        return objective < _aspiration - Tolerance.Of(_aspiration) && (!_model.HardCapacity || _state.OverloadedSlotsAfter(move) == 0);
    }
}

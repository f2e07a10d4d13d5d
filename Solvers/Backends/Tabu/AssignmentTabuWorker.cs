namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// The fast worker for assignment objectives (total cost, either sense). Each iteration makes the best
/// admissible shift, swap or ejection chain under the penalised objective (cost + adaptive capacity penalty),
/// every move evaluated in O(1) from the incremental <see cref="SearchState"/>, and forbids the reverse move for
/// a while; the penalties then oscillate (see <see cref="CapacityPenalty"/>).
/// </summary>
internal sealed class AssignmentTabuWorker : SearchWorker
{
    private readonly SearchState _state;
    private readonly TabuList _tabu;
    private readonly CapacityPenalty _penalty;
    private readonly MoveSelector _selector;
    private readonly CandidateSample _sample;
    private readonly SwapNeighbourhood _swaps;
    private readonly EjectionChainNeighbourhood? _chains;

    public AssignmentTabuWorker(AssignmentModel model, TabuSearchOptions options, int seed, SearchMonitor monitor)
        : base(model, options, seed, monitor)
    {
        _state = new SearchState(model);
        _tabu = new TabuList(model, options);
        _penalty = new CapacityPenalty(model, options);
        _selector = new MoveSelector(model, _state, _tabu, Random);
        _sample = new CandidateSample(model, options.PairEvaluationsPerIteration);
        _swaps = new SwapNeighbourhood(model);
        _chains = options.EjectionChains ? new EjectionChainNeighbourhood(model, _tabu) : null;
    }

    protected override int[] CurrentSlotOf => _state.SlotOf;

    protected override bool CurrentIsFeasible => _state.IsFeasible;

    protected override double CurrentObjective => _state.Objective;

    protected override double CurrentViolation => _state.TotalExcess();

    protected override long Step(long iteration)
    {
        _penalty.Refresh(_state);
        _selector.Reset(iteration, BestObjective);
        _sample.Draw(Random);
        var evaluations = 1 + ShiftNeighbourhood.Explore(Model, _state, _penalty, _selector)
            + _swaps.Explore(_state, _penalty, _selector, _sample)
            + (_chains?.Explore(_state, _penalty, _selector, _sample, iteration) ?? 0);
        Apply(_selector.Best.Kind == MoveKind.None ? RandomShift() : _selector.Best, iteration);
        _penalty.Adapt(_state);
        return evaluations;
    }

    protected override void Load(int[] slotOf)
    {
        _state.Load(slotOf);
        _tabu.Clear();
        _penalty.Reset();
    }

    protected override (double Objective, bool Feasible) Verify(int[] slotOf) => Model.Evaluate(slotOf);

    private void Apply(Move move, long iteration)
    {
        if (move.Kind == MoveKind.None) return;
        if (move.Kind != MoveKind.Shift) _tabu.Forbid(move.Partner, _state.SlotOf[move.Partner], iteration, Random);
        _tabu.Forbid(move.Task, _state.SlotOf[move.Task], iteration, Random);
        _state.Apply(move);
    }

    /// <summary>When every move is tabu: any task to any other slot it may take.</summary>
    private Move RandomShift()
    {
        var tasks = Model.MovableTasks;
        if (tasks.Length == 0) return default;
        var task = tasks[Random.Next(tasks.Length)];
        var slots = Model.EligibleSlots[task];
        var slot = slots[Random.Next(slots.Length)];
        return slot == _state.SlotOf[task] ? default : Move.Shift(task, slot);
    }
}

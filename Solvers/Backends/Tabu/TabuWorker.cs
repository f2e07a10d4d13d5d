namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// One tabu search thread. Each iteration makes the best admissible shift or swap under the penalised objective
/// (cost + adaptive capacity penalty), forbids the reverse move for a while, adapts the penalties, and keeps the
/// best feasible solution apart from the current one. After a long run without improvement it restarts from a
/// perturbed elite solution. All its decisions depend on its seed and iteration count only, never on the clock.
/// </summary>
internal sealed class TabuWorker
{
    private readonly AssignmentModel _model;
    private readonly SearchMonitor _monitor;
    private readonly Random _random;
    private readonly SearchState _state;
    private readonly TabuList _tabu;
    private readonly CapacityPenalty _penalty;
    private readonly MoveSelector _selector;
    private readonly SwapNeighbourhood _swaps;
    private readonly long _restartAfter;
    private readonly int _perturbedTasks;
    private IReadOnlyList<EliteSolution> _restartPoints = [];
    private long _lastImprovement;
    private double _leastExcess = double.PositiveInfinity;

    public TabuWorker(AssignmentModel model, TabuSearchOptions options, int seed, SearchMonitor monitor)
    {
        _model = model;
        _monitor = monitor;
        _random = new Random(seed);
        _state = new SearchState(model);
        _tabu = new TabuList(model, options);
        _penalty = new CapacityPenalty(model, options);
        _selector = new MoveSelector(model, _state, _tabu, _random);
        _swaps = new SwapNeighbourhood(model);
        Elite = new ElitePool(options.EliteSize);
        var movable = Math.Max(1, model.MovableTasks.Length);
        _restartAfter = Math.Max(100, (long)(options.RestartAfterTaskMultiple * movable));
        _perturbedTasks = Math.Max(1, (int)Math.Round(options.PerturbationShare * movable));
    }

    /// <summary>This worker's best distinct feasible solutions.</summary>
    public ElitePool Elite { get; }

    public long Iterations { get; private set; }

    public long Restarts { get; private set; }

    /// <summary>Best feasible objective (minimisation form); +∞ until one is found.</summary>
    public double BestObjective { get; private set; } = double.PositiveInfinity;

    /// <summary>The best feasible solution, else the least overloaded one seen.</summary>
    public int[] BestSlotOf { get; private set; } = [];

    public bool BestIsFeasible => !double.IsPositiveInfinity(BestObjective);

    /// <summary>Total excess load of <see cref="BestSlotOf"/> while no feasible solution is known.</summary>
    public double LeastExcess => _leastExcess;

    public void Start(int[] initialSlotOf)
    {
        _state.Load(initialSlotOf);
        BestSlotOf = initialSlotOf.ToArray();
        RecordIfBetter();
    }

    /// <summary>The elite solutions shared by all workers at the last synchronisation point; used as restart points.</summary>
    public void ShareElite(IReadOnlyList<EliteSolution> solutions) => _restartPoints = solutions;

    /// <summary>Searches until the evaluation budget of this epoch is spent, the iteration cap is reached or the monitor says stop.</summary>
    public void RunEpoch(long evaluationBudget, long iterationCap)
    {
        long spent = 0;
        while (spent < evaluationBudget && Iterations < iterationCap && !_monitor.ShouldStop())
            spent += Step();
    }

    private long Step()
    {
        _penalty.Refresh(_state);
        _selector.Reset(Iterations, BestObjective);
        var evaluations = 1 + ShiftNeighbourhood.Explore(_model, _state, _penalty, _selector) + _swaps.Explore(_state, _penalty, _selector);
        var move = _selector.Best.Kind == MoveKind.None ? RandomShift() : _selector.Best;
        Apply(move);
        _penalty.Adapt(_state);
        Iterations++;
        RecordIfBetter();
        if (Iterations - _lastImprovement > _restartAfter) Restart();
        return evaluations;
    }

    private void Apply(Move move)
    {
        if (move.Kind == MoveKind.None) return;
        var from = _state.SlotOf[move.Task];
        if (move.Kind == MoveKind.Shift)
        {
            _state.Shift(move.Task, move.Slot);
        }
        else
        {
            var partnerFrom = _state.SlotOf[move.Partner];
            _state.Swap(move.Task, move.Partner);
            _tabu.Forbid(move.Partner, partnerFrom, Iterations, _random);
        }
        _tabu.Forbid(move.Task, from, Iterations, _random);
    }

    /// <summary>When every move is tabu: any task to any other slot it may take.</summary>
    private Move RandomShift()
    {
        var tasks = _model.MovableTasks;
        if (tasks.Length == 0) return default;
        var task = tasks[_random.Next(tasks.Length)];
        var slots = _model.EligibleSlots[task];
        var slot = slots[_random.Next(slots.Length)];
        return slot == _state.SlotOf[task] ? default : Move.Shift(task, slot);
    }

    private void RecordIfBetter()
    {
        if (_state.IsFeasible)
        {
            if (_state.Objective >= BestObjective - Tolerance.Of(BestObjective)) return;
            var (objective, feasible) = _model.Evaluate(_state.SlotOf);
            if (!feasible || objective >= BestObjective - Tolerance.Of(BestObjective)) return;
            BestObjective = objective;
            BestSlotOf = _state.SlotOf.ToArray();
            _lastImprovement = Iterations;
            Elite.Offer(objective, BestSlotOf);
            _monitor.OnFeasible(objective, BestSlotOf);
        }
        else if (!BestIsFeasible)
        {
            var excess = _state.TotalExcess();
            if (excess >= _leastExcess) return;
            _leastExcess = excess;
            BestSlotOf = _state.SlotOf.ToArray();
        }
    }

    /// <summary>Continues from a randomly chosen shared elite solution with a few random reassignments and a fresh memory.</summary>
    private void Restart()
    {
        Restarts++;
        _lastImprovement = Iterations;
        var points = _restartPoints.Count > 0 ? _restartPoints : Elite.Solutions;
        var start = points.Count > 0 ? points[_random.Next(points.Count)].SlotOf.ToArray() : BestSlotOf.ToArray();
        var tasks = _model.MovableTasks;
        for (var i = 0; i < _perturbedTasks && tasks.Length > 0; i++)
        {
            var task = tasks[_random.Next(tasks.Length)];
            var slots = _model.EligibleSlots[task];
            start[task] = slots[_random.Next(slots.Length)];
        }
        _state.Load(start);
        _tabu.Clear();
        _penalty.Reset();
    }
}

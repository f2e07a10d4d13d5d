namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// What every tabu worker thread shares, whatever its moves: the iteration loop within an epoch, the best
/// feasible solution kept apart from the current one, the elite pool, and the restart from a perturbed elite
/// solution after a long run without improvement. All decisions depend on the seed and the iteration count,
/// never on the clock.
/// </summary>
internal abstract class SearchWorker
{
    private readonly SearchMonitor _monitor;
    private readonly long _restartAfter;
    private readonly int _perturbedTasks;
    private IReadOnlyList<EliteSolution> _restartPoints = [];
    private long _lastImprovement;

    protected SearchWorker(AssignmentModel model, TabuSearchOptions options, int seed, SearchMonitor monitor)
    {
        Model = model;
        Random = new Random(seed);
        _monitor = monitor;
        Elite = new ElitePool(options.EliteSize);
        var movable = Math.Max(1, model.MovableTasks.Length);
        _restartAfter = Math.Max(100, (long)(options.RestartAfterTaskMultiple * movable));
        _perturbedTasks = Math.Max(1, (int)Math.Round(options.PerturbationShare * movable));
    }

    protected AssignmentModel Model { get; }

    /// <summary>The worker's only source of randomness, seeded per worker.</summary>
    protected Random Random { get; }

    /// <summary>This worker's best distinct feasible solutions.</summary>
    public ElitePool Elite { get; }

    public long Iterations { get; private set; }

    public long Restarts { get; private set; }

    /// <summary>Iterations that ended on a feasible solution: how the oscillation divides its time.</summary>
    public long FeasibleIterations { get; private set; }

    /// <summary>Moves evaluated so far: the worker's measure of work done.</summary>
    public long Evaluations { get; private set; }

    /// <summary>Best feasible objective (minimisation form); +∞ until one is found.</summary>
    public double BestObjective { get; private set; } = double.PositiveInfinity;

    /// <summary>The best feasible solution, else the least violating one seen.</summary>
    public int[] BestSlotOf { get; private set; } = [];

    public bool BestIsFeasible => !double.IsPositiveInfinity(BestObjective);

    /// <summary>How much <see cref="BestSlotOf"/> violates hard constraints while no feasible solution is known.</summary>
    public double LeastViolation { get; private set; } = double.PositiveInfinity;

    /// <summary>The slot of each task in the current solution.</summary>
    protected abstract int[] CurrentSlotOf { get; }

    /// <summary>Whether the current solution meets every hard constraint.</summary>
    protected abstract bool CurrentIsFeasible { get; }

    /// <summary>The current solution's minimisation-form objective as the search tracks it (meaningful when feasible).</summary>
    protected abstract double CurrentObjective { get; }

    /// <summary>How much the current solution violates hard constraints.</summary>
    protected abstract double CurrentViolation { get; }

    public void Start(int[] initialSlotOf)
    {
        Load(initialSlotOf);
        BestSlotOf = initialSlotOf.ToArray();
        RecordIfBetter();
    }

    /// <summary>The elite solutions shared by all workers at the last synchronisation point; used as restart points.</summary>
    public void ShareElite(IReadOnlyList<EliteSolution> solutions) => _restartPoints = solutions;

    /// <summary>Whether the worker has used up its deterministic iteration or evaluation cap.</summary>
    public bool Exhausted(long iterationCap, long evaluationCap) => Iterations >= iterationCap || Evaluations >= evaluationCap;

    /// <summary>Searches until the evaluation budget of this epoch is spent, a cap is reached or the monitor says stop.</summary>
    public void RunEpoch(long evaluationBudget, long iterationCap, long evaluationCap)
    {
        var end = Evaluations + evaluationBudget;
        while (Evaluations < end && !Exhausted(iterationCap, evaluationCap) && !_monitor.ShouldStop())
        {
            Evaluations += Step(Iterations);
            Iterations++;
            if (CurrentIsFeasible) FeasibleIterations++;
            RecordIfBetter();
            if (Iterations - _lastImprovement > _restartAfter) Restart();
        }
    }

    /// <summary>Makes one move; returns the number of moves evaluated to choose it.</summary>
    protected abstract long Step(long iteration);

    /// <summary>Makes <paramref name="slotOf"/> the current solution and forgets the short-term memory.</summary>
    protected abstract void Load(int[] slotOf);

    /// <summary>The exact objective and feasibility of a solution, recomputed from scratch.</summary>
    protected abstract (double Objective, bool Feasible) Verify(int[] slotOf);

    private void RecordIfBetter()
    {
        if (CurrentIsFeasible)
        {
            if (CurrentObjective >= BestObjective - Tolerance.Of(BestObjective)) return;
            var (objective, feasible) = Verify(CurrentSlotOf);
            if (!feasible || objective >= BestObjective - Tolerance.Of(BestObjective)) return;
            BestObjective = objective;
            BestSlotOf = CurrentSlotOf.ToArray();
            _lastImprovement = Iterations;
            Elite.Offer(objective, BestSlotOf);
            _monitor.OnFeasible(objective, BestSlotOf);
        }
        else if (!BestIsFeasible)
        {
            var violation = CurrentViolation;
            if (violation >= LeastViolation) return;
            LeastViolation = violation;
            BestSlotOf = CurrentSlotOf.ToArray();
        }
    }

    /// <summary>Continues from a randomly chosen shared elite solution with a few random reassignments and a fresh memory.</summary>
    private void Restart()
    {
        Restarts++;
        _lastImprovement = Iterations;
        var points = _restartPoints.Count > 0 ? _restartPoints : Elite.Solutions;
        var start = points.Count > 0 ? points[Random.Next(points.Count)].SlotOf.ToArray() : BestSlotOf.ToArray();
        var tasks = Model.MovableTasks;
        for (var i = 0; i < _perturbedTasks && tasks.Length > 0; i++)
        {
            var task = tasks[Random.Next(tasks.Length)];
            var slots = Model.EligibleSlots[task];
            start[task] = slots[Random.Next(slots.Length)];
        }
        Load(start);
    }
}

using QuantumScheduler.Solvers.Evaluation;

namespace QuantumScheduler.Solvers.Backends.Tabu;

/// <summary>
/// The worker for objectives and constraints that depend on the schedule (makespan, tardiness, load balance,
/// weighted mixes, dependencies, deadlines, availability). Every candidate assignment is scored by the shared
/// <see cref="ObjectiveEvaluator"/> — the same semantics as the feasibility checker — so this path is slower and
/// looks at a random sample of shift and swap moves per iteration. Hard violations are priced by a weight that
/// oscillates like the capacity penalties of the fast path.
/// </summary>
internal sealed class ScheduleTabuWorker : SearchWorker
{
    private readonly ObjectiveEvaluator _evaluator;
    private readonly TabuList _tabu;
    private readonly int _movesPerIteration;
    private readonly double _increase;
    private readonly double _decrease;
    private readonly int[] _slotOf;
    private readonly int[] _agentOf;
    private double _violationWeight = double.NaN;
    private double _initialWeight;
    private Score _current;

    public ScheduleTabuWorker(AssignmentModel model, TabuSearchOptions options, int seed, SearchMonitor monitor)
        : base(model, options, seed, monitor)
    {
        _evaluator = new ObjectiveEvaluator(model.Instance);
        _tabu = new TabuList(model, options);
        _movesPerIteration = options.ScheduleMovesPerIteration;
        _increase = 1 + options.PenaltyIncrease;
        _decrease = 1 - options.PenaltyDecrease;
        _slotOf = new int[model.TaskCount];
        _agentOf = new int[model.TaskCount];
    }

    protected override int[] CurrentSlotOf => _slotOf;

    protected override bool CurrentIsFeasible => _current.Violation == 0;

    protected override double CurrentObjective => _current.Objective;

    protected override double CurrentViolation => _current.Violation;

    protected override long Step(long iteration)
    {
        var best = default(Move);
        var bestValue = double.PositiveInfinity;
        var ties = 0;
        var candidates = Math.Min(_movesPerIteration, Model.MovableTasks.Length * 4);
        for (var k = 0; k < candidates; k++)
        {
            var move = k % 2 == 0 ? RandomShift() : RandomSwap();
            if (move.Kind == MoveKind.None) continue;
            var score = ScoreAfter(move);
            var value = score.Objective + _violationWeight * score.Violation;
            var aspires = score.Violation == 0 && score.Objective < BestObjective - Tolerance.Of(BestObjective);
            if (IsTabu(move, iteration) && !aspires) continue;
            if (value < bestValue)
            {
                (best, bestValue, ties) = (move, value, 1);
            }
            else if (value == bestValue && Random.Next(++ties) == 0)
            {
                best = move;
            }
        }
        if (best.Kind != MoveKind.None) Apply(best, iteration);
        _violationWeight *= _current.Violation > 0 ? _increase : _decrease;
        _violationWeight = Math.Clamp(_violationWeight, _initialWeight * 1e-4, _initialWeight * 1e6);
        // Each score schedules every task, so it counts as that many evaluations of the fast path.
        return (long)candidates * Model.TaskCount;
    }

    protected override void Load(int[] slotOf)
    {
        slotOf.CopyTo(_slotOf, 0);
        _current = Evaluate();
        _tabu.Clear();
        if (double.IsNaN(_violationWeight))
        {
            // Start by pricing one unit of violation like an average task's share of the objective.
            _initialWeight = 1 + Math.Abs(_current.Objective) / Math.Max(1, Model.TaskCount);
            _violationWeight = _initialWeight;
        }
    }

    protected override (double Objective, bool Feasible) Verify(int[] slotOf) => (_current.Objective, _current.Violation == 0);

    private bool IsTabu(Move move, long iteration) => move.Kind == MoveKind.Shift
        ? _tabu.IsTabu(move.Task, move.Slot, iteration)
        : _tabu.IsTabu(move.Task, _slotOf[move.Partner], iteration) || _tabu.IsTabu(move.Partner, _slotOf[move.Task], iteration);

    private void Apply(Move move, long iteration)
    {
        if (move.Kind == MoveKind.Swap)
        {
            _tabu.Forbid(move.Partner, _slotOf[move.Partner], iteration, Random);
            _tabu.Forbid(move.Task, _slotOf[move.Task], iteration, Random);
            (_slotOf[move.Task], _slotOf[move.Partner]) = (_slotOf[move.Partner], _slotOf[move.Task]);
        }
        else
        {
            _tabu.Forbid(move.Task, _slotOf[move.Task], iteration, Random);
            _slotOf[move.Task] = move.Slot;
        }
        _current = Evaluate();
    }

    /// <summary>Scores the solution the move would give, then puts the current solution back.</summary>
    private Score ScoreAfter(Move move)
    {
        var first = _slotOf[move.Task];
        var second = move.Kind == MoveKind.Swap ? _slotOf[move.Partner] : -1;
        if (move.Kind == MoveKind.Swap) (_slotOf[move.Task], _slotOf[move.Partner]) = (second, first);
        else _slotOf[move.Task] = move.Slot;
        var score = Evaluate();
        _slotOf[move.Task] = first;
        if (move.Kind == MoveKind.Swap) _slotOf[move.Partner] = second;
        return score;
    }

    private Score Evaluate()
    {
        for (var t = 0; t < _slotOf.Length; t++) _agentOf[t] = _slotOf[t] == Model.UnassignedSlot ? -1 : _slotOf[t];
        var evaluation = _evaluator.Evaluate(_agentOf);
        return new Score(Model.ToMinimisation(evaluation.PenalizedObjective), evaluation.HardViolation);
    }

    private Move RandomShift()
    {
        var tasks = Model.MovableTasks;
        var task = tasks[Random.Next(tasks.Length)];
        var slots = Model.EligibleSlots[task];
        var slot = slots[Random.Next(slots.Length)];
        return slot == _slotOf[task] ? default : Move.Shift(task, slot);
    }

    private Move RandomSwap()
    {
        var tasks = Model.MovableTasks;
        var task = tasks[Random.Next(tasks.Length)];
        var partner = tasks[Random.Next(tasks.Length)];
        var slot = _slotOf[task];
        var partnerSlot = _slotOf[partner];
        return slot != partnerSlot && Model.IsEligible(task, partnerSlot) && Model.IsEligible(partner, slot) ? Move.Swap(task, partner) : default;
    }

    /// <summary>A solution's minimisation-form penalised objective and its hard violation.</summary>
    private readonly record struct Score(double Objective, double Violation);
}

using System.Runtime.CompilerServices;

namespace QuantumScheduler.Solvers.Quantum.Qubo.Moves;

/// <summary>
/// A point of a scheduling QUBO kept inside the one-hot subspace (one variable per task, or at most one when
/// tasks may stay unassigned) with every capacity slack at its closed-form optimum, so its <see cref="Energy"/>
/// is the model's energy of <see cref="ToBits"/>. Moves are the QUBO flips that stay in that subspace:
/// a <em>shift</em> (task t from agent a to b: x[t,a] 1→0 and x[t,b] 0→1, plus the slack of a and b re-optimised)
/// and a <em>swap</em> (two tasks exchange agents: four flips). Their energy changes are exact and O(1) from the
/// agents' loads and, for a residual that does not couple tasks (a total-cost objective), the variables' linear
/// coefficients — the one-hot couplings cancel inside the subspace, so no local fields are kept and applying a move is
/// O(1) — or else the residual's local fields and per-task couplings, kept up to date in O(degree) per move.
/// <para>
/// A search may steer by other capacity weights (<see cref="SetCapacityWeight"/>, strategic oscillation) and, when
/// built with a linear search penalty, by the excess itself instead of its square: the QUBO's P·excess² makes a
/// small overload nearly free and a heavy task's overload prohibitive at the same weight, which measured far worse
/// as a guide through overloaded states (docs/qubo-annealing-hybrid.md). Feasible points cost the same either way;
/// <see cref="ModelEnergy"/> is always the model's own energy.
/// </para>
/// </summary>
internal sealed class OneHotState
{
    private readonly QuboAssignmentStructure _structure;
    private readonly QuboModel _residual;
    private readonly byte[] _x;
    // The residual's local fields, kept only when the residual couples tasks (else moves are priced without them).
    private readonly double[]? _field;
    private readonly double[] _load;
    private readonly double[] _unitPenalty;
    private readonly double[] _searchUnit;
    private readonly double[] _weight;
    private bool _linearSearch;
    // Flat copies of what every move reads, so that pricing a move touches plain arrays only.
    private readonly int[] _agentOf;
    private readonly double[] _unitLoad;
    private readonly double[] _capacityUnits;
    private readonly int[] _slackLimit;
    private readonly bool[] _wholeGrid;
    // The highest load at which an agent's penalty is 0 under either penalty shape, where that is a threshold (whole
    // loads on a whole capacity, or no capacity); −∞ elsewhere.
    private readonly double[] _freeUpTo;
    // Set when the residual does not couple tasks: a task's move then changes the residual by the difference of the
    // two variables' linear coefficients (the one-hot couplings cancel), read without the fields.
    private readonly double[]? _linear;
    // Each task's agent, current coefficient and load, and (where the structure has them) every pair's coefficient and
    // load by (task, agent): a proposal names tasks and agents, and pricing it without first looking up the variables
    // takes a dependent load off every proposal — the anneal rejects almost all of them.
    private readonly int[] _agentOfTask;
    private readonly double[] _linearOfTask;
    private readonly double[] _loadOfTask;
    private readonly double[]? _linearAt;
    private readonly double[]? _unitLoadAt;
    private readonly double[]? _cheapestLinear;
    private readonly int _agents;

    /// <param name="structure">The QUBO's structure.</param>
    /// <param name="variableOfTask">The starting variable of each task (-1 = none); must be a variable of that task.</param>
    /// <param name="linearSearchPenalty">Steer (<see cref="Energy"/>, the deltas) by weight × excess instead of the QUBO's weight × excess².</param>
    public OneHotState(QuboAssignmentStructure structure, int[] variableOfTask, bool linearSearchPenalty = false)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(variableOfTask);
        if (variableOfTask.Length != structure.TaskCount)
            throw new ArgumentException($"The choice has {variableOfTask.Length} tasks; the structure has {structure.TaskCount}.", nameof(variableOfTask));
        _structure = structure;
        _linearSearch = linearSearchPenalty;
        _residual = structure.Residual;
        _agentOf = structure.AgentOfVariable;
        _unitLoad = structure.UnitLoad;
        _capacityUnits = new double[structure.AgentCount];
        _slackLimit = new int[structure.AgentCount];
        _wholeGrid = new bool[structure.AgentCount];
        for (var a = 0; a < structure.AgentCount; a++)
        {
            var encoding = structure.Capacity(a);
            _capacityUnits[a] = encoding is null ? double.PositiveInfinity : encoding.Capacity / encoding.Unit;
            _slackLimit[a] = encoding?.SlackLimit ?? 0;
            _wholeGrid[a] = encoding is not null && _capacityUnits[a] == encoding.SlackLimit;
        }
        for (var v = 0; v < _agentOf.Length; v++)
            if (_agentOf[v] >= 0 && _unitLoad[v] != Math.Floor(_unitLoad[v])) _wholeGrid[_agentOf[v]] = false;
        _freeUpTo = new double[structure.AgentCount];
        for (var a = 0; a < structure.AgentCount; a++)
            _freeUpTo[a] = _wholeGrid[a] || double.IsPositiveInfinity(_capacityUnits[a]) ? _capacityUnits[a] : double.NegativeInfinity;
        VariableOfTask = (int[])variableOfTask.Clone();
        _agents = structure.AgentCount;
        _agentOfTask = new int[VariableOfTask.Length];
        _linearOfTask = new double[VariableOfTask.Length];
        _loadOfTask = new double[VariableOfTask.Length];
        _x = new byte[_residual.VariableCount];
        _load = new double[structure.AgentCount];
        for (var t = 0; t < VariableOfTask.Length; t++)
        {
            var v = VariableOfTask[t];
            if (v < 0) continue;
            if (structure.TaskOfVariable[v] != t) throw new ArgumentException($"Variable {v} does not belong to task {t}.", nameof(variableOfTask));
            _x[v] = 1;
            _load[structure.AgentOfVariable[v]] += structure.UnitLoad[v];
        }
        if (structure.ResidualCouplesTasks)
        {
            _field = new double[_x.Length];
            _residual.ComputeFields(_x, _field);
        }
        else
        {
            _linear = _residual.Linear;
            (_linearAt, _unitLoadAt, _cheapestLinear) = (structure.LinearAt, structure.UnitLoadAt, structure.CheapestLinearOfTask);
        }
        for (var t = 0; t < VariableOfTask.Length; t++) SetTaskFacts(t, VariableOfTask[t]);
        _unitPenalty = new double[_load.Length];
        _searchUnit = new double[_load.Length];
        _weight = new double[_load.Length];
        ResidualEnergy = _residual.Energy(_x);
        Energy = ResidualEnergy;
        for (var a = 0; a < _load.Length; a++)
        {
            _weight[a] = structure.CapacityWeight(a);
            _unitPenalty[a] = UnitPenalty(a, _load[a]);
            if (_unitPenalty[a] > 0) PenalizedAgents++;
            _searchUnit[a] = SearchUnit(a, _load[a]);
            Energy += _weight[a] * _searchUnit[a];
        }
    }

    public QuboAssignmentStructure Structure => _structure;

    /// <summary>The chosen variable of each task (-1 = none). Callers must not modify it.</summary>
    public int[] VariableOfTask { get; }

    /// <summary>
    /// The search energy of <see cref="ToBits"/>: with the current capacity weights (and the linear search penalty,
    /// if chosen) — the model's own energy unless <see cref="SetCapacityWeight"/> changed the weights or the point is
    /// overloaded under a linear search penalty — kept up to date by the moves (rounding accumulates).
    /// </summary>
    public double Energy { get; private set; }

    /// <summary>The residual model's part of the energy (objective and one-hot terms).</summary>
    public double ResidualEnergy { get; private set; }

    /// <summary>The model's energy of <see cref="ToBits"/> (the model's capacity weights, whatever the current ones are).</summary>
    public double ModelEnergy
    {
        get
        {
            var energy = ResidualEnergy;
            for (var a = 0; a < _load.Length; a++) energy += _structure.CapacityWeight(a) * _unitPenalty[a];
            return energy;
        }
    }

    /// <summary>How many agents' capacity penalties are active; at 0 the point fits and <see cref="ModelEnergy"/> is <see cref="ResidualEnergy"/>.</summary>
    public int PenalizedAgents { get; private set; }

    /// <summary>Whether agent a's capacity penalty is active (its load is over what the slack can absorb).</summary>
    public bool IsPenalized(int agent) => _unitPenalty[agent] > 0;

    /// <summary>Agent a's current capacity weight.</summary>
    public double CapacityWeight(int agent) => _weight[agent];

    /// <summary>
    /// Searches with another weight on agent a's capacity penalty (strategic oscillation); <see cref="Energy"/>
    /// follows, <see cref="ModelEnergy"/> does not.
    /// </summary>
    public void SetCapacityWeight(int agent, double weight)
    {
        Energy += (weight - _weight[agent]) * _searchUnit[agent];
        _weight[agent] = weight;
    }

    /// <summary>
    /// Steers by the model's own energy from now on: the model's capacity weights and the QUBO's excess² shape (ends a
    /// linear search penalty); <see cref="Energy"/> becomes <see cref="ModelEnergy"/>.
    /// </summary>
    public void UseModelPenalty()
    {
        _linearSearch = false;
        var energy = ResidualEnergy;
        for (var a = 0; a < _load.Length; a++)
        {
            _weight[a] = _structure.CapacityWeight(a);
            _searchUnit[a] = _unitPenalty[a];
            energy += _weight[a] * _searchUnit[a];
        }
        Energy = energy;
    }

    /// <summary>The agent of task t (-1 = none).</summary>
    public int AgentOfTask(int task) => _agentOfTask[task];

    /// <summary>Whether assignment variable v is set.</summary>
    public bool IsSet(int variable) => _x[variable] != 0;

    /// <summary>Variable v's local field in the residual model (its flip's energy change there, for a 0→1 flip).</summary>
    public double ResidualField(int variable) => _field?[variable] ?? _residual.Field(_x, variable);

    /// <summary>Agent a's load in its capacity units.</summary>
    public double Load(int agent) => _load[agent];

    /// <summary>The full bitstring: the chosen assignment bits and every slack at its optimum.</summary>
    public byte[] ToBits() => _structure.ToBits(VariableOfTask);

    /// <summary>The energy change of moving task t to variable <paramref name="to"/> (one of its own, or -1 = none).</summary>
    public double ShiftDelta(int task, int to)
    {
        var from = VariableOfTask[task];
        if (from == to) return 0;
        // A task's variables are on different agents, so the two penalty changes are independent.
        var delta = FlipPart(task, from, to);
        if (from >= 0)
        {
            var agent = _agentOf[from];
            delta += PenaltyChange(agent, _load[agent] - _unitLoad[from]);
        }
        return to >= 0 ? delta + PenaltyChange(_agentOf[to], _load[_agentOf[to]] + _unitLoad[to]) : delta;
    }

    /// <summary>Moves task t to variable <paramref name="to"/> (-1 = none).</summary>
    public void Shift(int task, int to)
    {
        var from = VariableOfTask[task];
        if (from == to) return;
        Energy += ShiftDelta(task, to);
        ResidualEnergy += FlipPart(task, from, to);
        if (from >= 0)
        {
            Flip(from);
            ChangeLoad(_agentOf[from], -_unitLoad[from]);
        }
        if (to >= 0)
        {
            Flip(to);
            ChangeLoad(_agentOf[to], _unitLoad[to]);
        }
        VariableOfTask[task] = to;
        SetTaskFacts(task, to);
    }

    private void SetTaskFacts(int task, int variable)
    {
        _agentOfTask[task] = variable < 0 ? -1 : _agentOf[variable];
        _linearOfTask[task] = variable < 0 || _linear is null ? 0 : _linear[variable];
        _loadOfTask[task] = variable < 0 ? 0 : _unitLoad[variable];
    }

    /// <summary>
    /// The variables two tasks would take if they exchanged agents, or false when either has no agent, they
    /// share one, or a pair of the exchange has no variable.
    /// </summary>
    public bool TrySwapTargets(int first, int second, out int firstTo, out int secondTo)
    {
        secondTo = -1;
        if (!TryArrivalAt(first, second, out firstTo)) return false;
        secondTo = _structure.VariableAt(second, _agentOfTask[first]);
        return secondTo >= 0;
    }

    /// <summary>
    /// The variable <paramref name="first"/> would take on the agent of <paramref name="second"/> (an ejection chain's
    /// first step), or false when either has no agent, they share one, or the first has no variable there.
    /// </summary>
    public bool TryArrivalAt(int first, int second, out int firstTo)
    {
        firstTo = -1;
        var (from, agent) = (_agentOfTask[first], _agentOfTask[second]);
        if (from < 0 || agent < 0 || from == agent) return false;
        firstTo = _structure.VariableAt(first, agent);
        return firstTo >= 0;
    }

    /// <summary>The energy change of the swap <see cref="TrySwapTargets"/> found (four flips, slack of both agents re-optimised).</summary>
    public double SwapDelta(int first, int second, int firstTo, int secondTo) => PairDelta(first, firstTo, second, secondTo);

    /// <summary>
    /// The exact energy change of moving two different tasks at once — <paramref name="first"/> to
    /// <paramref name="firstTo"/> and <paramref name="second"/> to <paramref name="secondTo"/> (their own variables,
    /// or -1 = none) — with the slack of every agent involved re-optimised for the combined load change. A swap is
    /// the case where each goes to the other's agent; an ejection chain moves the first task onto the second's agent
    /// and pushes the second on to a third. Equal to the sum of the two shifts made one after the other.
    /// </summary>
    public double PairDelta(int first, int firstTo, int second, int secondTo)
    {
        var (i, j) = (VariableOfTask[first], VariableOfTask[second]);
        // ΔE of flipping a set of bits = Σ δᵤ·fieldᵤ + Σ_{u<v} δᵤ·δᵥ·W(u,v), δ = +1 for 0→1 and −1 for 1→0.
        var delta = FlipPart(first, i, firstTo) + FlipPart(second, j, secondTo);
        if (_structure.ResidualCouplesTasks)
        {
            var (i1, t1) = i == firstTo ? (-1, -1) : (i, firstTo);
            var (j1, t2) = j == secondTo ? (-1, -1) : (j, secondTo);
            delta += Coupling(i1, j1) - Coupling(i1, t2) - Coupling(t1, j1) + Coupling(t1, t2);
        }
        var changes = new LoadChanges();
        if (i != firstTo)
        {
            changes.Add(this, i, -1);
            changes.Add(this, firstTo, 1);
        }
        if (j != secondTo)
        {
            changes.Add(this, j, -1);
            changes.Add(this, secondTo, 1);
        }
        return delta + changes.PenaltyChange(this);
    }

    /// <summary>
    /// A lower bound of the energy change of every ejection chain that moves <paramref name="task"/> onto the agent of
    /// <paramref name="other"/> and pushes <paramref name="other"/> on to any other place: exact for the first task's part
    /// and for the agent both tasks change, optimistic about the onward place (the other task's cheapest option, arriving
    /// without a penalty). Only sharp where it is valid cheaply — a residual that does not couple tasks and no agent
    /// penalised (then no penalty can fall) — and −∞ elsewhere; there, +∞ when there is no such chain (either task without
    /// an agent, both on one, or no variable for the first task on the other's agent). <paramref name="fixedPart"/> is the
    /// part that does not depend on the onward place (the bound without the other task's cheapest option): where the bound
    /// is finite, a chain's exact change is that part plus the onward place's own change (the other task's
    /// load-independent change and the penalty change of the agent it arrives at).
    /// </summary>
    public double ChainBound(int task, int other, out double fixedPart)
    {
        fixedPart = double.NegativeInfinity;
        if (_linear is null || PenalizedAgents > 0) return double.NegativeInfinity;
        var (from, agent) = (_agentOfTask[task], _agentOfTask[other]);
        if (from < 0 || agent < 0 || from == agent) return double.PositiveInfinity;
        fixedPart = PairCoefficient(task, agent) - _linearOfTask[task] + PenaltyChange(agent, _load[agent] + PairLoad(task, agent) - _loadOfTask[other]);
        return fixedPart + _cheapestLinear![other] - _linearOfTask[other];
    }

    /// <summary>Whether cyclic exchanges are priced here: only when the residual does not couple tasks (a total-cost objective).</summary>
    public bool PricesCycles => _linear is not null;

    /// <summary>
    /// The load-independent part of task t's energy change if it moved to <paramref name="agent"/>: the difference of the two
    /// linear coefficients (+∞ where it has no variable). Only where <see cref="PricesCycles"/>.
    /// </summary>
    public double ArrivalChange(int task, int agent) => PairCoefficient(task, agent) - _linearOfTask[task];

    /// <summary>The load (in capacity units) task t would put on <paramref name="agent"/> (0 where it has no variable there).</summary>
    public double LoadAt(int task, int agent) => PairLoad(task, agent);

    /// <summary>The load (in capacity units) task t puts on its agent now.</summary>
    public double LoadOfTask(int task) => _loadOfTask[task];

    /// <summary>
    /// How much load agent a can still take with its penalty staying 0 (+∞ without a capacity); null where that is not a
    /// threshold (loads or a capacity off the slack's grid), so that only pricing a move tells.
    /// </summary>
    public double? FreeRoom(int agent) => double.IsNegativeInfinity(_freeUpTo[agent]) ? null : _freeUpTo[agent] - _load[agent];

    /// <summary>
    /// The linear coefficient of x[t,a] (+∞ without a variable), for a residual that does not couple tasks: from the dense
    /// table where the structure has one, else through the variable.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double PairCoefficient(int task, int agent)
    {
        if (_linearAt is { } linearAt) return linearAt[task * _agents + agent];
        var variable = _structure.VariableAt(task, agent);
        return variable < 0 ? double.PositiveInfinity : _linear![variable];
    }

    /// <summary>The load of x[t,a] in capacity units (0 without a variable), as <see cref="PairCoefficient"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double PairLoad(int task, int agent)
    {
        if (_unitLoadAt is { } unitLoadAt) return unitLoadAt[task * _agents + agent];
        var variable = _structure.VariableAt(task, agent);
        return variable < 0 ? 0 : _unitLoad[variable];
    }

    /// <summary>
    /// The exact energy change of a cyclic exchange, with the slack of every agent involved re-optimised for the combined
    /// load change; equal to its three shifts made one after another; +∞ when a task has no variable on the agent the move
    /// sends it to. Only for a residual that does not couple tasks (a total-cost objective), where each task's part is its
    /// own load-independent change.
    /// </summary>
    public double CycleDelta(in CyclicExchange move)
    {
        CycleBound(move, out var objectiveChange);
        return objectiveChange + CyclePenaltyChange(move);
    }

    /// <summary>
    /// A lower bound of <see cref="CycleDelta"/>: the move's load-independent part (<paramref name="objectiveChange"/>)
    /// when no agent is penalised (no penalty can fall), else −∞. The exact change is then
    /// <paramref name="objectiveChange"/> + <see cref="CyclePenaltyChange"/>: the bound's part is not computed twice.
    /// </summary>
    public double CycleBound(in CyclicExchange move, out double objectiveChange)
    {
        if (_linear is null) throw new InvalidOperationException("Cyclic exchanges are priced only when the residual does not couple tasks.");
        var linearOfTask = _linearOfTask;
        objectiveChange = PairCoefficient(move.First, move.FirstTo) - linearOfTask[move.First]
            + PairCoefficient(move.Second, move.SecondTo) - linearOfTask[move.Second]
            + PairCoefficient(move.Third, move.ThirdTo) - linearOfTask[move.Third];
        return PenalizedAgents > 0 ? double.NegativeInfinity : objectiveChange;
    }

    /// <summary>
    /// The capacity-penalty part of <see cref="CycleDelta"/> for a move of <c>OneHotProposals.CyclicTargets</c>: the penalty
    /// changes of the two or three agents the tasks leave (every target is on one of them). Where no agent is penalised
    /// (every change is ≥ 0), it stops at the first agent that takes the sum above <paramref name="stopAbove"/> and returns
    /// that partial sum: a Metropolis test against it would reject the move anyway.
    /// </summary>
    public double CyclePenaltyChange(in CyclicExchange move, double stopAbove = double.PositiveInfinity)
    {
        var (agentOfTask, loadOfTask) = (_agentOfTask, _loadOfTask);
        var (a0, a1, a2) = (agentOfTask[move.First], agentOfTask[move.Second], agentOfTask[move.Third]);
        // One load change per task's place of departure, each arrival added to the first place on its agent; places that
        // share an agent are merged below. Straight-line on purpose: this runs for 40 % of the anneal's proposals.
        var (d0, d1, d2) = (-loadOfTask[move.First], -loadOfTask[move.Second], -loadOfTask[move.Third]);
        // The first task never stays on a0 and the second never on a1 (CyclicTargets), which leaves one test per arrival.
        if (move.FirstTo == a1) d1 += PairLoad(move.First, move.FirstTo);
        else d2 += PairLoad(move.First, move.FirstTo);
        if (move.SecondTo == a0) d0 += PairLoad(move.Second, move.SecondTo);
        else d2 += PairLoad(move.Second, move.SecondTo);
        if (move.ThirdTo == a0) d0 += PairLoad(move.Third, move.ThirdTo);
        else d1 += PairLoad(move.Third, move.ThirdTo);
        if (a1 == a0) d0 += d1;
        if (a2 == a0) d0 += d2;
        else if (a2 == a1) d1 += d2;
        if (PenalizedAgents > 0) stopAbove = double.PositiveInfinity;
        var change = PenaltyChange(a0, _load[a0] + d0);
        if (a1 != a0 && change <= stopAbove) change += PenaltyChange(a1, _load[a1] + d1);
        if (a2 != a0 && a2 != a1 && change <= stopAbove) change += PenaltyChange(a2, _load[a2] + d2);
        return change;
    }

    /// <summary>Makes a cyclic exchange as three shifts: each prices its own step exactly.</summary>
    /// <exception cref="InvalidOperationException">A task has no variable on the agent the move sends it to (its change is +∞).</exception>
    public void Cycle(in CyclicExchange move)
    {
        var (to0, to1, to2) = (Target(move.First, move.FirstTo), Target(move.Second, move.SecondTo), Target(move.Third, move.ThirdTo));
        Shift(move.First, to0);
        Shift(move.Second, to1);
        Shift(move.Third, to2);
        int Target(int task, int agent) => _structure.VariableAt(task, agent) is var variable and >= 0
            ? variable
            : throw new InvalidOperationException($"Task {task} has no variable on agent {agent}: the cyclic exchange is not a move.");
    }

    /// <summary>Moves two tasks (see <see cref="PairDelta"/>) as two shifts: each prices its own step exactly.</summary>
    public void PairMove(int first, int firstTo, int second, int secondTo)
    {
        Shift(first, firstTo);
        Shift(second, secondTo);
    }

    /// <summary>
    /// The part of moving task t from its variable to <paramref name="to"/> that does not depend on agents' loads
    /// (objective and one-hot terms of the residual).
    /// </summary>
    public double FlipDelta(int task, int to) => FlipPart(task, VariableOfTask[task], to);

    /// <summary>Agent a's weighted capacity penalty now: no move can lower it by more.</summary>
    public double Penalty(int agent) => _weight[agent] * _searchUnit[agent];

    /// <summary>The change of agent a's weighted capacity penalty if its load (in capacity units) became <paramref name="newLoad"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double PenaltyChange(int agent, double newLoad) =>
        // The usual case on a walk that fits, inlined into every pricing: an agent without a penalty that still fits after the move.
        newLoad <= _freeUpTo[agent] && _searchUnit[agent] == 0 ? 0 : PricedPenaltyChange(agent, newLoad);

    private double PricedPenaltyChange(int agent, double newLoad) => _weight[agent] * (SearchUnit(agent, newLoad) - _searchUnit[agent]);

    /// <summary>−field(from) + field(to) − W(from, to): a shift's energy change without the penalty changes.</summary>
    private double FlipPart(int task, int from, int to)
    {
        if (from == to) return 0;
        if (_linear is { } linear) return (to >= 0 ? linear[to] : 0) - (from >= 0 ? linear[from] : 0);
        var part = 0.0;
        var field = _field!;
        if (from >= 0) part -= field[from];
        if (to >= 0) part += field[to];
        if (from >= 0 && to >= 0) part -= _structure.TaskCoupling(task, from, to);
        return part;
    }

    /// <summary>Up to four agents' load changes of a two-task move, summed per agent.</summary>
    private struct LoadChanges
    {
        private int _a0, _a1, _a2, _a3, _count;
        private double _c0, _c1, _c2, _c3;

        public void Add(OneHotState state, int variable, int sign)
        {
            if (variable < 0) return;
            var agent = state._agentOf[variable];
            var change = sign * state._unitLoad[variable];
            if (_count > 0 && _a0 == agent) _c0 += change;
            else if (_count > 1 && _a1 == agent) _c1 += change;
            else if (_count > 2 && _a2 == agent) _c2 += change;
            else if (_count > 3 && _a3 == agent) _c3 += change;
            else
            {
                switch (_count++)
                {
                    case 0: (_a0, _c0) = (agent, change); break;
                    case 1: (_a1, _c1) = (agent, change); break;
                    case 2: (_a2, _c2) = (agent, change); break;
                    case 3: (_a3, _c3) = (agent, change); break;
                }
            }
        }

        public readonly double PenaltyChange(OneHotState state)
        {
            var delta = 0.0;
            if (_count > 0) delta += state.PenaltyChange(_a0, state._load[_a0] + _c0);
            if (_count > 1) delta += state.PenaltyChange(_a1, state._load[_a1] + _c1);
            if (_count > 2) delta += state.PenaltyChange(_a2, state._load[_a2] + _c2);
            if (_count > 3) delta += state.PenaltyChange(_a3, state._load[_a3] + _c3);
            return delta;
        }
    }

    /// <summary>
    /// Exchanges the agents of two tasks (targets from <see cref="TrySwapTargets"/>) as two shifts: each prices its
    /// own step exactly, so their sum is the swap's energy change.
    /// </summary>
    public void Swap(int first, int second, int firstTo, int secondTo) => PairMove(first, firstTo, second, secondTo);

    /// <summary>The residual coupling W(u, v) of variables of different tasks (a row scan: only needed when such couplings exist).</summary>
    private double Coupling(int u, int v)
    {
        if (u < 0 || v < 0) return 0;
        for (var k = _residual.RowStart[u]; k < _residual.RowStart[u + 1]; k++)
            if (_residual.Neighbor[k] == v) return _residual.Weight[k];
        return 0;
    }

    private void Flip(int variable)
    {
        if (_field is not null) _residual.Flip(_x, _field, variable);
        else _x[variable] ^= 1;
    }

    private void ChangeLoad(int agent, double change)
    {
        _load[agent] += change;
        var was = _unitPenalty[agent] > 0;
        _unitPenalty[agent] = UnitPenalty(agent, _load[agent]);
        PenalizedAgents += (_unitPenalty[agent] > 0 ? 1 : 0) - (was ? 1 : 0);
        _searchUnit[agent] = SearchUnit(agent, _load[agent]);
    }

    /// <summary>The search penalty per unit of weight: the model's, or with a linear search penalty its square root (the excess in units).</summary>
    private double SearchUnit(int agent, double unitLoad)
    {
        if (!_linearSearch) return UnitPenalty(agent, unitLoad);
        if (_wholeGrid[agent]) return unitLoad > _capacityUnits[agent] ? unitLoad - _capacityUnits[agent] : 0;
        return Math.Sqrt(UnitPenalty(agent, unitLoad));
    }

    /// <summary>Agent a's capacity penalty per unit of weight at a load: <see cref="CapacityEncoding.MinimumPenalty"/> on the flat arrays.</summary>
    private double UnitPenalty(int agent, double unitLoad)
    {
        var capacity = _capacityUnits[agent];
        if (double.IsPositiveInfinity(capacity)) return 0;
        // Whole loads and a whole capacity (the usual case): the slack absorbs every unused unit exactly.
        if (_wholeGrid[agent]) return unitLoad > capacity ? (unitLoad - capacity) * (unitLoad - capacity) : 0;
        var residual = unitLoad + Math.Clamp(Math.Round(capacity - unitLoad), 0, _slackLimit[agent]) - capacity;
        return residual * residual;
    }
}

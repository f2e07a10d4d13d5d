namespace QuantumScheduler.Solvers.Quantum.Qubo.Moves;

/// <summary>
/// A point of a scheduling QUBO kept inside the one-hot subspace (one variable per task, or at most one when
/// tasks may stay unassigned) with every capacity slack at its closed-form optimum, so its <see cref="Energy"/>
/// is the model's energy of <see cref="ToBits"/>. Moves are the QUBO flips that stay in that subspace:
/// a <em>shift</em> (task t from agent a to b: x[t,a] 1→0 and x[t,b] 0→1, plus the slack of a and b re-optimised)
/// and a <em>swap</em> (two tasks exchange agents: four flips). Their energy changes are exact and O(1) from the
/// residual model's local fields, the per-task couplings and the agents' loads; applying one is O(degree in the
/// residual), which for a total-cost objective is the task's own agent count.
/// </summary>
internal sealed class OneHotState
{
    private readonly QuboAssignmentStructure _structure;
    private readonly QuboModel _residual;
    private readonly byte[] _x;
    private readonly double[] _field;
    private readonly double[] _load;
    private readonly double[] _unitPenalty;
    private readonly double[] _weight;

    /// <param name="structure">The QUBO's structure.</param>
    /// <param name="variableOfTask">The starting variable of each task (-1 = none); must be a variable of that task.</param>
    public OneHotState(QuboAssignmentStructure structure, int[] variableOfTask)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(variableOfTask);
        if (variableOfTask.Length != structure.TaskCount)
            throw new ArgumentException($"The choice has {variableOfTask.Length} tasks; the structure has {structure.TaskCount}.", nameof(variableOfTask));
        _structure = structure;
        _residual = structure.Residual;
        VariableOfTask = (int[])variableOfTask.Clone();
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
        _field = new double[_x.Length];
        _residual.ComputeFields(_x, _field);
        _unitPenalty = new double[_load.Length];
        _weight = new double[_load.Length];
        ResidualEnergy = _residual.Energy(_x);
        Energy = ResidualEnergy;
        for (var a = 0; a < _load.Length; a++)
        {
            _weight[a] = structure.CapacityWeight(a);
            _unitPenalty[a] = UnitPenalty(a, _load[a]);
            Energy += _weight[a] * _unitPenalty[a];
        }
    }

    public QuboAssignmentStructure Structure => _structure;

    /// <summary>The chosen variable of each task (-1 = none). Callers must not modify it.</summary>
    public int[] VariableOfTask { get; }

    /// <summary>
    /// The energy of <see cref="ToBits"/> with the current capacity weights — the model's own energy unless
    /// <see cref="SetCapacityWeight"/> changed them — kept up to date by the moves (rounding accumulates).
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
        Energy += (weight - _weight[agent]) * _unitPenalty[agent];
        _weight[agent] = weight;
    }

    /// <summary>Whether assignment variable v is set.</summary>
    public bool IsSet(int variable) => _x[variable] != 0;

    /// <summary>Variable v's local field in the residual model (its flip's energy change there, for a 0→1 flip).</summary>
    public double ResidualField(int variable) => _field[variable];

    /// <summary>Agent a's load in its capacity units.</summary>
    public double Load(int agent) => _load[agent];

    /// <summary>The full bitstring: the chosen assignment bits and every slack at its optimum.</summary>
    public byte[] ToBits() => _structure.ToBits(VariableOfTask);

    /// <summary>The energy change of moving task t to variable <paramref name="to"/> (one of its own, or -1 = none).</summary>
    public double ShiftDelta(int task, int to)
    {
        var from = VariableOfTask[task];
        if (from == to) return 0;
        var delta = 0.0;
        int agentFrom = -1, agentTo = -1;
        if (from >= 0)
        {
            delta -= _field[from];
            agentFrom = _structure.AgentOfVariable[from];
            delta += PenaltyChange(agentFrom, _load[agentFrom] - _structure.UnitLoad[from]);
        }
        if (to >= 0)
        {
            delta += _field[to];
            agentTo = _structure.AgentOfVariable[to];
            delta += PenaltyChange(agentTo, _load[agentTo] + _structure.UnitLoad[to]);
        }
        if (from >= 0 && to >= 0) delta -= _structure.TaskCoupling(task, from, to);
        return delta;
    }

    /// <summary>Moves task t to variable <paramref name="to"/> (-1 = none).</summary>
    public void Shift(int task, int to)
    {
        var from = VariableOfTask[task];
        if (from == to) return;
        Energy += ShiftDelta(task, to);
        if (from >= 0) ResidualEnergy -= _field[from];
        if (to >= 0) ResidualEnergy += _field[to] - (from >= 0 ? _structure.TaskCoupling(task, from, to) : 0);
        if (from >= 0)
        {
            _residual.Flip(_x, _field, from);
            ChangeLoad(_structure.AgentOfVariable[from], -_structure.UnitLoad[from]);
        }
        if (to >= 0)
        {
            _residual.Flip(_x, _field, to);
            ChangeLoad(_structure.AgentOfVariable[to], _structure.UnitLoad[to]);
        }
        VariableOfTask[task] = to;
    }

    /// <summary>
    /// The variables two tasks would take if they exchanged agents, or false when either has no agent, they
    /// share one, or a pair of the exchange has no variable.
    /// </summary>
    public bool TrySwapTargets(int first, int second, out int firstTo, out int secondTo)
    {
        (firstTo, secondTo) = (-1, -1);
        var (i, j) = (VariableOfTask[first], VariableOfTask[second]);
        if (i < 0 || j < 0) return false;
        var (a, b) = (_structure.AgentOfVariable[i], _structure.AgentOfVariable[j]);
        if (a == b) return false;
        firstTo = _structure.VariableAt(first, b);
        secondTo = _structure.VariableAt(second, a);
        return firstTo >= 0 && secondTo >= 0;
    }

    /// <summary>The energy change of the swap <see cref="TrySwapTargets"/> found (four flips, slack of both agents re-optimised).</summary>
    public double SwapDelta(int first, int second, int firstTo, int secondTo)
    {
        var (i, j) = (VariableOfTask[first], VariableOfTask[second]);
        var (a, b) = (_structure.AgentOfVariable[i], _structure.AgentOfVariable[j]);
        // ΔE of flipping a set of bits = Σ δᵤ·fieldᵤ + Σ_{u<v} δᵤ·δᵥ·W(u,v), δ = +1 for 0→1 and −1 for 1→0.
        var delta = -_field[i] + _field[firstTo] - _field[j] + _field[secondTo]
            - _structure.TaskCoupling(first, i, firstTo) - _structure.TaskCoupling(second, j, secondTo);
        if (_structure.ResidualCouplesTasks)
            delta += Coupling(i, j) - Coupling(i, secondTo) - Coupling(firstTo, j) + Coupling(firstTo, secondTo);
        delta += PenaltyChange(a, _load[a] - _structure.UnitLoad[i] + _structure.UnitLoad[secondTo]);
        delta += PenaltyChange(b, _load[b] - _structure.UnitLoad[j] + _structure.UnitLoad[firstTo]);
        return delta;
    }

    /// <summary>
    /// Exchanges the agents of two tasks (targets from <see cref="TrySwapTargets"/>) as two shifts: each prices its
    /// own step exactly, so their sum is the swap's energy change.
    /// </summary>
    public void Swap(int first, int second, int firstTo, int secondTo)
    {
        Shift(first, firstTo);
        Shift(second, secondTo);
    }

    /// <summary>The residual coupling W(u, v) of variables of different tasks (a row scan: only needed when such couplings exist).</summary>
    private double Coupling(int u, int v)
    {
        for (var k = _residual.RowStart[u]; k < _residual.RowStart[u + 1]; k++)
            if (_residual.Neighbor[k] == v) return _residual.Weight[k];
        return 0;
    }

    private void ChangeLoad(int agent, double change)
    {
        _load[agent] += change;
        _unitPenalty[agent] = UnitPenalty(agent, _load[agent]);
    }

    private double PenaltyChange(int agent, double newLoad) => _weight[agent] * (UnitPenalty(agent, newLoad) - _unitPenalty[agent]);

    private double UnitPenalty(int agent, double unitLoad) => _structure.Capacity(agent)?.MinimumPenalty(unitLoad, 1) ?? 0;
}

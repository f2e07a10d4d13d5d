namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// What a structure-aware sampler needs to know about a scheduling QUBO to move between assignments without
/// leaving the one-hot subspace: each task's variables, the variable of every (task, agent) pair, each agent's
/// capacity penalty (encoding and weight), and the <see cref="Residual"/> model — the same QUBO without its
/// capacity penalties. For every bitstring,
/// <c>Model.Energy(x, s) = Residual.Energy(x) + Σₐ Pₐ·(Σ (d/u)·x + Σₖ cₖ·sₖ − C′/u)²</c>, so with every slack at
/// its closed-form optimum (<see cref="CapacityEncoding.OptimalSlack"/>) the energy of an assignment is
/// <c>Residual.Energy(x) + Σₐ CapacityEncoding.MinimumPenalty(loadₐ, Pₐ)</c>: the model's own energy, minimised
/// exactly over the slack bits, not an approximation of it.
/// </summary>
public sealed class QuboAssignmentStructure
{
    private readonly int[][] _taskVariables;
    private readonly CapacityEncoding?[] _capacity;
    private readonly double[] _capacityWeight;
    private readonly int[] _variableAt;
    private readonly double[][] _taskCouplings;
    private readonly int[][]? _variablesByCost;
    private readonly double[]? _cheapestLinear;

    internal QuboAssignmentStructure(
        QuboModel residual, IReadOnlyList<QuboVariable> variables, int[][] taskVariables, double[] unitLoad,
        CapacityEncoding?[] capacity, QuboPenalties penalties, bool exactlyOne)
    {
        Residual = residual;
        _taskVariables = taskVariables;
        _capacity = capacity;
        ExactlyOne = exactlyOne;
        AgentCount = capacity.Length;
        _capacityWeight = Enumerable.Range(0, AgentCount).Select(penalties.Agent).ToArray();

        TaskOfVariable = Enumerable.Repeat(-1, residual.VariableCount).ToArray();
        AgentOfVariable = Enumerable.Repeat(-1, residual.VariableCount).ToArray();
        UnitLoad = unitLoad;
        PositionInTask = new int[residual.VariableCount];
        _variableAt = Enumerable.Repeat(-1, taskVariables.Length * AgentCount).ToArray();
        for (var t = 0; t < taskVariables.Length; t++)
            for (var p = 0; p < taskVariables[t].Length; p++)
            {
                var v = taskVariables[t][p];
                var a = variables[v].Agent;
                TaskOfVariable[v] = t;
                AgentOfVariable[v] = a;
                PositionInTask[v] = p;
                _variableAt[t * AgentCount + a] = v;
            }
        // Couplings between the variables of one task (its one-hot penalty), dense so that a move prices in O(1).
        _taskCouplings = new double[taskVariables.Length][];
        for (var t = 0; t < taskVariables.Length; t++) _taskCouplings[t] = new double[taskVariables[t].Length * taskVariables[t].Length];
        foreach (var (i, j, w) in residual.Terms)
        {
            var (ti, tj) = (TaskOfVariable[i], TaskOfVariable[j]);
            if (ti >= 0 && ti == tj)
            {
                var size = taskVariables[ti].Length;
                _taskCouplings[ti][PositionInTask[i] * size + PositionInTask[j]] = w;
                _taskCouplings[ti][PositionInTask[j] * size + PositionInTask[i]] = w;
            }
            else ResidualCouplesTasks = true;
        }
        if (!ResidualCouplesTasks)
        {
            _variablesByCost = [.. taskVariables.Select(own => own.OrderBy(v => residual.Linear[v]).ToArray())];
            // "None" costs 0 when a task may stay unassigned.
            _cheapestLinear = [.. _variablesByCost.Select(own =>
                Math.Min(own.Length > 0 ? residual.Linear[own[0]] : double.PositiveInfinity, exactlyOne ? double.PositiveInfinity : 0))];
            // Dense only where the pairs without a variable are few: sparse eligibility would make it many times the model.
            if (_variableAt.Length <= DensePairsPerVariable * taskVariables.Sum(own => own.Length))
            {
                LinearAt = [.. _variableAt.Select(v => v >= 0 ? residual.Linear[v] : double.PositiveInfinity)];
                UnitLoadAt = [.. _variableAt.Select(v => v >= 0 ? unitLoad[v] : 0)];
            }
        }
    }

    private const int DensePairsPerVariable = 4;

    /// <summary>The QUBO without the capacity penalties (one-hot penalties, objective and its constants).</summary>
    public QuboModel Residual { get; }

    /// <summary>True when every task must have exactly one agent; false when it may have none (at most one).</summary>
    public bool ExactlyOne { get; }

    public int TaskCount => _taskVariables.Length;

    public int AgentCount { get; }

    /// <summary>
    /// Whether the residual couples variables of different tasks (the load-balance proxy does; total cost does
    /// not). When it does not, moving tasks between agents is priced from local fields alone.
    /// </summary>
    public bool ResidualCouplesTasks { get; }

    /// <summary>Task of each variable (-1 for slack bits).</summary>
    public int[] TaskOfVariable { get; }

    /// <summary>Agent of each variable (slack bits: -1 here; their agent is in the capacity encoding).</summary>
    public int[] AgentOfVariable { get; }

    /// <summary>Load of each assignment variable in its agent's capacity units (0 where the agent has no capacity term).</summary>
    public double[] UnitLoad { get; }

    /// <summary>Index of each assignment variable within its task's variables.</summary>
    public int[] PositionInTask { get; }

    /// <summary>Variable indexes of task t's x[t,·] (empty for pinned tasks).</summary>
    public IReadOnlyList<int> TaskVariables(int task) => _taskVariables[task];

    /// <summary>
    /// Task t's variables from the lowest linear coefficient to the highest — from its cheapest option to its dearest —
    /// when the residual does not couple tasks (then a move's residual change is the difference of two coefficients);
    /// else in their own order. <paramref name="sorted"/> says which.
    /// </summary>
    public ReadOnlySpan<int> VariablesByCost(int task, out bool sorted)
    {
        sorted = _variablesByCost is not null;
        return _variablesByCost is { } byCost ? byCost[task] : _taskVariables[task];
    }

    /// <summary>
    /// The lowest linear coefficient among each task's options (0 for "none" when it may stay unassigned), when the
    /// residual does not couple tasks; null otherwise.
    /// </summary>
    internal double[]? CheapestLinearOfTask => _cheapestLinear;

    /// <summary>
    /// The linear coefficient of x[t,a] at t·<see cref="AgentCount"/> + a (+∞ where the pair has no variable) when the
    /// residual does not couple tasks and at least a quarter of the pairs have a variable (with sparser eligibility the
    /// tables would be many times the model), else null. With <see cref="UnitLoadAt"/>, a move to an agent is priced from
    /// the task and the agent alone: the anneal rejects almost every proposal, and looking the variable up first added a
    /// dependent load to each.
    /// </summary>
    internal double[]? LinearAt { get; }

    /// <summary>The load of x[t,a] in the agent's capacity units at t·<see cref="AgentCount"/> + a (0 where the pair has no variable), with <see cref="LinearAt"/>.</summary>
    internal double[]? UnitLoadAt { get; }

    /// <summary>Tasks that have a choice: more than one variable, or any variable when they may stay unassigned.</summary>
    public int[] MovableTasks() =>
        Enumerable.Range(0, TaskCount).Where(t => _taskVariables[t].Length > (ExactlyOne ? 1 : 0)).ToArray();

    /// <summary>The variable x[t,a], or -1 when the pair has none.</summary>
    public int VariableAt(int task, int agent) => _variableAt[task * AgentCount + agent];

    /// <summary>Agent a's capacity encoding, or null when it has no capacity term.</summary>
    public CapacityEncoding? Capacity(int agent) => _capacity[agent];

    /// <summary>Penalty weight of agent a's capacity term.</summary>
    public double CapacityWeight(int agent) => _capacityWeight[agent];

    /// <summary>The residual coupling of two variables of the same task.</summary>
    public double TaskCoupling(int task, int first, int second) =>
        _taskCouplings[task][PositionInTask[first] * _taskVariables[task].Length + PositionInTask[second]];

    /// <summary>Agent a's capacity penalty at a load of <paramref name="unitLoad"/> units with the optimal slack.</summary>
    public double CapacityPenalty(int agent, double unitLoad) =>
        _capacity[agent] is { } encoding ? encoding.MinimumPenalty(unitLoad, _capacityWeight[agent]) : 0;

    /// <summary>
    /// The full model's energy of any bitstring, slack bits as given: the residual's energy plus every agent's
    /// capacity penalty Pₐ·(Σ (d/u)·x + Σₖ cₖ·sₖ − C′/u)² — the identity the formulator builds the model by.
    /// </summary>
    public double Energy(ReadOnlySpan<byte> bits)
    {
        if (bits.Length != Residual.VariableCount)
            throw new ArgumentException($"The bitstring has {bits.Length} entries; the model has {Residual.VariableCount} variables.", nameof(bits));
        var energy = Residual.Energy(bits);
        var load = new double[AgentCount];
        for (var v = 0; v < bits.Length; v++)
            if (bits[v] != 0 && AgentOfVariable[v] >= 0) load[AgentOfVariable[v]] += UnitLoad[v];
        foreach (var encoding in _capacity)
        {
            if (encoding is null) continue;
            var residual = load[encoding.Agent] - encoding.Capacity / encoding.Unit;
            for (var k = 0; k < encoding.SlackWeights.Length; k++)
                if (bits[encoding.FirstSlackVariable + k] != 0) residual += encoding.SlackWeights[k];
            energy += _capacityWeight[encoding.Agent] * residual * residual;
        }
        return energy;
    }

    /// <summary>
    /// The full bitstring of a choice of variable per task (-1 = none): those assignment bits, and every slack at
    /// its optimum for the loads they give.
    /// </summary>
    public byte[] ToBits(ReadOnlySpan<int> variableOfTask)
    {
        var bits = new byte[Residual.VariableCount];
        var load = new double[AgentCount];
        for (var t = 0; t < variableOfTask.Length; t++)
        {
            var v = variableOfTask[t];
            if (v < 0) continue;
            bits[v] = 1;
            load[AgentOfVariable[v]] += UnitLoad[v];
        }
        foreach (var encoding in _capacity)
            encoding?.WriteSlack(encoding.OptimalSlack(load[encoding.Agent]), bits);
        return bits;
    }
}

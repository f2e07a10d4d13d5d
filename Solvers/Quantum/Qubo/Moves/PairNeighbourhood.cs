using QuantumScheduler.Solvers.Quantum.Annealing;

namespace QuantumScheduler.Solvers.Quantum.Qubo.Moves;

/// <summary>
/// The swaps and ejection chains of a <see cref="OneHotState"/>, enumerated agent by agent and priced in O(1) each
/// from per-step tables, so that a tabu step can look at tens of thousands of them. A task that starts a move goes
/// to another agent b and either takes the place of one of b's tasks, which goes back to its agent (a swap), or
/// pushes it on to the place it would arrive at most cheaply (an ejection chain of length two, after Yagiura,
/// Ibaraki and Glover). The tables hold each task's load-independent energy change per agent
/// (<see cref="OneHotState.FlipDelta"/>) and its cheapest two arrival places; a move's energy change is then the
/// sum of the two tasks' parts and the penalty changes of the agents involved — exact, because without couplings
/// between tasks (a total-cost objective) the residual energy is separable by task. When the residual couples tasks
/// (the load-balance proxy) every move is priced by <see cref="OneHotState.PairDelta"/> instead.
/// </summary>
internal sealed class PairNeighbourhood
{
    private readonly QuboAssignmentStructure _structure;
    private readonly int _agents;
    private readonly double[] _flip;
    private readonly int[] _memberStart;
    private readonly int[] _members;
    private readonly int[] _firstArrival;
    private readonly double[] _firstArrivalDelta;
    private readonly int[] _secondArrival;
    private readonly double[] _secondArrivalDelta;
    private readonly int[] _fill;
    private readonly List<int> _starters = [];

    public PairNeighbourhood(QuboAssignmentStructure structure)
    {
        _structure = structure;
        _agents = structure.AgentCount;
        _flip = new double[structure.TaskCount * _agents];
        _memberStart = new int[_agents + 1];
        _fill = new int[_agents];
        _members = new int[structure.TaskCount];
        _firstArrival = new int[structure.TaskCount];
        _firstArrivalDelta = new double[structure.TaskCount];
        _secondArrival = new int[structure.TaskCount];
        _secondArrivalDelta = new double[structure.TaskCount];
    }

    /// <summary>
    /// Rebuilds the tables for the state and draws the tasks that start moves this step: each movable task with
    /// probability <paramref name="share"/> (1 = all).
    /// </summary>
    public void Refresh(OneHotState state, int[] movable, double share, ref Xoshiro256 random)
    {
        Array.Clear(_memberStart);
        _starters.Clear();
        foreach (var t in movable)
        {
            var current = state.VariableOfTask[t];
            var (first, second) = (-1, -1);
            var (firstDelta, secondDelta) = (double.PositiveInfinity, double.PositiveInfinity);
            foreach (var v in _structure.TaskVariables(t))
            {
                var agent = _structure.AgentOfVariable[v];
                if (v == current) continue;
                var flip = state.FlipDelta(t, v);
                _flip[t * _agents + agent] = flip;
                var arrival = flip + state.PenaltyChange(agent, state.Load(agent) + _structure.UnitLoad[v]);
                if (arrival < firstDelta) (second, secondDelta, first, firstDelta) = (first, firstDelta, v, arrival);
                else if (arrival < secondDelta) (second, secondDelta) = (v, arrival);
            }
            (_firstArrival[t], _firstArrivalDelta[t], _secondArrival[t], _secondArrivalDelta[t]) = (first, firstDelta, second, secondDelta);
            if (current < 0) continue;
            _memberStart[_structure.AgentOfVariable[current] + 1]++;
            if (share >= 1 || random.NextDouble() < share) _starters.Add(t);
        }
        for (var a = 0; a < _agents; a++) _memberStart[a + 1] += _memberStart[a];
        Array.Copy(_memberStart, _fill, _agents);
        foreach (var t in movable)
            if (state.VariableOfTask[t] is var v && v >= 0)
                _members[_fill[_structure.AgentOfVariable[v]]++] = t;
    }

    /// <summary>
    /// Offers the sink every swap and ejection chain started by the drawn tasks whose energy change is at most its
    /// <see cref="IPairMoveSink.Bound"/> (read again after each offer, so a sink that tightens it prunes the rest).
    /// </summary>
    public void Explore<TSink>(OneHotState state, ref TSink sink) where TSink : struct, IPairMoveSink
    {
        var coupled = _structure.ResidualCouplesTasks;
        foreach (var i in _starters)
        {
            var vi = state.VariableOfTask[i];
            var a = _structure.AgentOfVariable[vi];
            var loadA = state.Load(a) - _structure.UnitLoad[vi];
            var leaveA = state.PenaltyChange(a, loadA);
            foreach (var vib in _structure.TaskVariables(i))
            {
                if (vib == vi) continue;
                var b = _structure.AgentOfVariable[vib];
                var flipIb = _flip[i * _agents + b];
                var loadB = state.Load(b) + _structure.UnitLoad[vib];
                // A penalty can fall by at most its current value: moves whose load-independent parts alone
                // exceed the bound then are skipped before any penalty is priced.
                var floor = flipIb - state.Penalty(a) - state.Penalty(b);
                for (var k = _memberStart[b]; k < _memberStart[b + 1]; k++)
                {
                    var j = _members[k];
                    var vj = state.VariableOfTask[j];
                    var vja = _structure.VariableAt(j, a);
                    if (vja >= 0 && (coupled || floor + _flip[j * _agents + a] <= sink.Bound))
                    {
                        var delta = coupled
                            ? state.PairDelta(i, vib, j, vja)
                            : flipIb + _flip[j * _agents + a]
                              + state.PenaltyChange(a, loadA + _structure.UnitLoad[vja])
                              + state.PenaltyChange(b, loadB - _structure.UnitLoad[vj]);
                        if (delta <= sink.Bound) sink.Offer(i, vib, j, vja, delta);
                    }
                    var onward = _firstArrival[j] >= 0 && _structure.AgentOfVariable[_firstArrival[j]] != a;
                    var vjc = onward ? _firstArrival[j] : _secondArrival[j];
                    if (vjc < 0) continue;
                    var arrival = onward ? _firstArrivalDelta[j] : _secondArrivalDelta[j];
                    if (!coupled && flipIb + leaveA - state.Penalty(b) + arrival > sink.Bound) continue;
                    var chain = coupled
                        ? state.PairDelta(i, vib, j, vjc)
                        : flipIb + leaveA + state.PenaltyChange(b, loadB - _structure.UnitLoad[vj])
                          + arrival;
                    if (chain <= sink.Bound) sink.Offer(i, vib, j, vjc, chain);
                }
            }
        }
    }
}

/// <summary>Receives the moves of a <see cref="PairNeighbourhood"/>: a struct, so that the JIT specialises the enumeration for it.</summary>
internal interface IPairMoveSink
{
    /// <summary>Moves with a larger energy change are not offered.</summary>
    double Bound { get; }

    /// <summary>first goes to variable firstTo and second to secondTo, changing the energy by delta.</summary>
    void Offer(int first, int firstTo, int second, int secondTo, double delta);
}

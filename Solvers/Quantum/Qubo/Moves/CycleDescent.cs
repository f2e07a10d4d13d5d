using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Annealing;

namespace QuantumScheduler.Solvers.Quantum.Qubo.Moves;

/// <summary>
/// Finds and makes the improving cyclic exchanges of a <see cref="OneHotState"/> that fits (no agent penalised): every
/// 3-cycle over three agents and every two-for-one exchange between two, the moves the anneal proposes at random. There
/// are n³ of them, and on a 900-task Yagiura instance the anneal's best state still has dozens that lower its energy.
/// The search goes agent pair by agent pair over each agent's tasks sorted by what moving to the other agent changes in
/// the objective: where no agent is penalised no move's penalty change is below 0, so a scan stops where the objective
/// changes alone can no longer add up to a fall, and it skips a scan whose tasks cannot make the room an arrival needs.
/// Only where the state <see cref="OneHotState.PricesCycles"/>; every move is priced exactly before it is made.
/// </summary>
internal sealed class CycleDescent
{
    private readonly int _agents;
    // For each ordered agent pair (from, to): the tasks on `from` that could move to `to`.
    private readonly Departures[] _departures;

    public CycleDescent(QuboAssignmentStructure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        _agents = structure.AgentCount;
        _departures = new Departures[_agents * _agents];
        for (var i = 0; i < _departures.Length; i++) _departures[i] = new Departures();
    }

    /// <summary>
    /// One pass over every exchange: makes each improving one it finds. The tables are built at the start, so a pass that
    /// made moves may have missed exchanges of the tasks it moved; a pass that made none has looked at every exchange.
    /// Returns the number of moves made; 0 as well when an agent is penalised or cyclic exchanges are not priced.
    /// </summary>
    public int Pass(OneHotState state, long deadline)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.PricesCycles || state.PenalizedAgents > 0) return 0;
        Build(state);
        var tolerance = 1e-9 * Math.Max(1, Math.Abs(state.Energy));
        var made = 0;
        for (var a0 = 0; a0 < _agents && Stopwatch.GetTimestamp() < deadline; a0++)
            for (var a1 = 0; a1 < _agents; a1++)
            {
                if (a1 == a0) continue;
                made += TwoForOnes(state, a0, a1, tolerance);
                // Each 3-cycle once: from its lowest agent, in both directions.
                if (a1 < a0) continue;
                for (var a2 = a0 + 1; a2 < _agents; a2++)
                    if (a2 != a1) made += ThreeCycles(state, a0, a1, a2, tolerance);
                if (state.PenalizedAgents > 0) return made;
            }
        return made;
    }

    private void Build(OneHotState state)
    {
        foreach (var departures in _departures) departures.Clear();
        for (var t = 0; t < state.Structure.TaskCount; t++)
        {
            var from = state.AgentOfTask(t);
            if (from < 0) continue;
            for (var to = 0; to < _agents; to++)
            {
                if (to == from) continue;
                var change = state.ArrivalChange(t, to);
                if (double.IsFinite(change)) _departures[from * _agents + to].Add(new Departure(t, change, state.LoadOfTask(t), state.LoadAt(t, to)));
            }
        }
        foreach (var departures in _departures) departures.Seal();
    }

    /// <summary>3-cycles where a task of a0 goes to a1, one of a1 to a2 and one of a2 to a0.</summary>
    private int ThreeCycles(OneHotState state, int a0, int a1, int a2, double tolerance)
    {
        var (first, second, third) = (Between(a0, a1), Between(a1, a2), Between(a2, a0));
        if (first.Count == 0 || second.Count == 0 || third.Count == 0) return 0;
        var made = 0;
        for (var i = 0; i < first.Count; i++)
        {
            var a = first[i];
            if (a.Change + second.Least + third.Least >= -tolerance) break;
            if (state.AgentOfTask(a.Task) == a0 && TryThreeCycle(state, a, (a0, a1, a2), second, third, tolerance)) made++;
        }
        return made;
    }

    /// <summary>Makes the first improving 3-cycle that starts with <paramref name="a"/>, if there is one.</summary>
    private static bool TryThreeCycle(OneHotState state, Departure a, (int A0, int A1, int A2) agents, Departures second, Departures third, double tolerance)
    {
        var (room0, room1, room2) = (Room(state, agents.A0), Room(state, agents.A1), Room(state, agents.A2));
        var secondEnd = second.CountBelow(-tolerance - a.Change - third.Least);
        // The second task's departure must make room on a1 for the first's arrival.
        if (!second.MayHold(secondEnd, double.PositiveInfinity, a.Arrival - room1)) return false;
        for (var j = 0; j < secondEnd; j++)
        {
            var b = second[j];
            if (a.Arrival - b.Load > room1 || state.AgentOfTask(b.Task) != agents.A1) continue;
            var thirdEnd = third.CountBelow(-tolerance - a.Change - b.Change);
            if (!third.MayHold(thirdEnd, room0 + a.Load, b.Arrival - room2)) continue;
            for (var k = 0; k < thirdEnd; k++)
            {
                var c = third[k];
                if (b.Arrival - c.Load > room2 || c.Arrival - a.Load > room0 || state.AgentOfTask(c.Task) != agents.A2) continue;
                if (TryMake(state, a.Task, b.Task, c.Task, tolerance)) return true;
            }
        }
        return false;
    }

    /// <summary>Two-for-one exchanges where two tasks of a0 go to a1 and one of a1 to a0.</summary>
    private int TwoForOnes(OneHotState state, int a0, int a1, double tolerance)
    {
        var (pair, back) = (Between(a0, a1), Between(a1, a0));
        if (pair.Count < 2 || back.Count == 0) return 0;
        var made = 0;
        for (var i = 0; i < pair.Count; i++)
        {
            var a = pair[i];
            // The other task of the pair comes later in the list, so its change is at least this one's.
            if (2 * a.Change + back.Least >= -tolerance) break;
            if (state.AgentOfTask(a.Task) == a0 && TryTwoForOne(state, i, (a0, a1), pair, back, tolerance)) made++;
        }
        return made;
    }

    /// <summary>Makes the first improving two-for-one exchange whose first task is pair[i], if there is one.</summary>
    private static bool TryTwoForOne(OneHotState state, int i, (int A0, int A1) agents, Departures pair, Departures back, double tolerance)
    {
        var (room0, room1) = (Room(state, agents.A0), Room(state, agents.A1));
        var a = pair[i];
        var pairEnd = pair.CountBelow(-tolerance - a.Change - back.Least);
        for (var j = i + 1; j < pairEnd; j++)
        {
            var b = pair[j];
            if (state.AgentOfTask(b.Task) != agents.A0) continue;
            var (arrivals, departures) = (a.Arrival + b.Arrival, a.Load + b.Load);
            var backEnd = back.CountBelow(-tolerance - a.Change - b.Change);
            if (!back.MayHold(backEnd, room0 + departures, arrivals - room1)) continue;
            for (var k = 0; k < backEnd; k++)
            {
                var c = back[k];
                if (arrivals - c.Load > room1 || c.Arrival - departures > room0 || state.AgentOfTask(c.Task) != agents.A1) continue;
                if (TryMake(state, a.Task, b.Task, c.Task, tolerance)) return true;
            }
        }
        return false;
    }

    /// <summary>Makes the exchange of the three tasks (targets as the anneal's <see cref="OneHotProposals.CyclicTargets"/>) when its exact change is below −tolerance.</summary>
    private static bool TryMake(OneHotState state, int first, int second, int third, double tolerance)
    {
        if (!OneHotProposals.CyclicTargets(state, first, second, third, out var move) || !(state.CycleDelta(move) < -tolerance)) return false;
        state.Cycle(move);
        return true;
    }

    private Departures Between(int from, int to) => _departures[from * _agents + to];

    // Where the room is not a threshold, no arrival is ruled out before it is priced.
    private static double Room(OneHotState state, int agent) => state.FreeRoom(agent) ?? double.PositiveInfinity;

    /// <summary>A task that could leave its agent for another: the objective's change, its load now and its load there.</summary>
    private readonly record struct Departure(int Task, double Change, double Load, double Arrival);

    /// <summary>
    /// The tasks of one agent that could move to another, sorted by the objective's change, with the least arrival load and
    /// the largest current load of every prefix: a scan over a prefix is skipped when no task in it can fit.
    /// </summary>
    private sealed class Departures
    {
        private readonly List<Departure> _list = [];
        private double[] _leastArrival = [];
        private double[] _mostLoad = [];

        public int Count => _list.Count;

        public Departure this[int index] => _list[index];

        public double Least => _list[0].Change;

        public void Clear() => _list.Clear();

        public void Add(Departure departure) => _list.Add(departure);

        public void Seal()
        {
            _list.Sort(static (x, y) => x.Change.CompareTo(y.Change));
            if (_leastArrival.Length < _list.Count) (_leastArrival, _mostLoad) = (new double[_list.Count], new double[_list.Count]);
            var (leastArrival, mostLoad) = (double.PositiveInfinity, double.NegativeInfinity);
            for (var i = 0; i < _list.Count; i++)
            {
                (leastArrival, mostLoad) = (Math.Min(leastArrival, _list[i].Arrival), Math.Max(mostLoad, _list[i].Load));
                (_leastArrival[i], _mostLoad[i]) = (leastArrival, mostLoad);
            }
        }

        /// <summary>How many tasks lead the list with a change below <paramref name="limit"/>.</summary>
        public int CountBelow(double limit)
        {
            var (low, high) = (0, _list.Count);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_list[middle].Change < limit) low = middle + 1;
                else high = middle;
            }
            return low;
        }

        /// <summary>Whether some task among the first <paramref name="count"/> may arrive within <paramref name="arrivalAtMost"/> and some may free at least <paramref name="loadAtLeast"/>.</summary>
        public bool MayHold(int count, double arrivalAtMost, double loadAtLeast) =>
            count > 0 && _leastArrival[count - 1] <= arrivalAtMost && _mostLoad[count - 1] >= loadAtLeast;
    }
}

using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// A rejection-free (n-fold way, Bortz–Kalos–Lebowitz) step of the cold one-hot walk: every shift, swap and ejection chain
/// of the state (<see cref="PairNeighbourhood"/>) is priced by its exact QUBO energy change, and one is taken with
/// probability proportional to its Metropolis acceptance min(1, e^(−βΔE)) — the move a Metropolis walk with uniform
/// proposals over that neighbourhood would accept next — while the clock advances by the proposals that walk would
/// have rejected meanwhile (the neighbourhood's size ÷ the summed acceptance, in expectation). Near the anneal's cold end
/// a Metropolis walk rejects 99.9 % of its proposals; this walk makes the same moves without paying for the rejections.
/// </summary>
internal sealed class OneHotRejectionFree
{
    private readonly QuboAssignmentStructure _structure;
    private readonly int[] _movable;
    private readonly PairNeighbourhood _pairs;
    private readonly Moves _moves = new();
    private readonly int[] _perAgent;

    public OneHotRejectionFree(QuboAssignmentStructure structure, int[] movable)
    {
        _structure = structure;
        _movable = movable;
        _pairs = new PairNeighbourhood(structure);
        _perAgent = new int[structure.AgentCount];
    }

    /// <summary>
    /// Takes one move at β; returns the Metropolis proposals it stands for (the expected number until an acceptance,
    /// the accepted one included), or +∞ when no move has a non-negligible acceptance (the walk is frozen for good).
    /// </summary>
    public double Step(OneHotState state, double beta, ref Xoshiro256 random)
    {
        var moves = _moves;
        moves.Clear(beta, SimulatedAnnealingSampler.RejectExponent / beta);
        var size = 0L;
        Array.Clear(_perAgent);
        foreach (var t in _movable)
            if (state.VariableOfTask[t] is var v && v >= 0) _perAgent[_structure.AgentOfVariable[v]]++;
        foreach (var t in _movable)
        {
            var current = state.VariableOfTask[t];
            foreach (var v in _structure.TaskVariables(t))
            {
                if (v == current) continue;
                size++;
                // A pair move starts with this task going to v's agent and involves one of that agent's tasks: a swap and a chain each.
                if (current >= 0) size += 2L * _perAgent[_structure.AgentOfVariable[v]];
                moves.Offer(t, v, -1, -1, state.ShiftDelta(t, v));
            }
            if (current >= 0 && !_structure.ExactlyOne)
            {
                size++;
                moves.Offer(t, -1, -1, -1, state.ShiftDelta(t, -1));
            }
        }
        _pairs.Refresh(state, _movable, 1, ref random);
        var sink = new Sink(moves);
        _pairs.Explore(state, ref sink);
        if (moves.Count == 0 || !(moves.Total > 0)) return double.PositiveInfinity;
        var pick = moves.Pick(random.NextDouble() * moves.Total);
        var (task, to, other, otherTo) = moves.Move(pick);
        if (other < 0) state.Shift(task, to);
        else state.PairMove(task, to, other, otherTo);
        return size / moves.Total;
    }

    /// <summary>The priced moves of one step and their acceptances.</summary>
    private sealed class Moves
    {
        private int[] _task = new int[1024];
        private int[] _to = new int[1024];
        private int[] _other = new int[1024];
        private int[] _otherTo = new int[1024];
        private double[] _cumulative = new double[1024];
        private double _beta;

        public int Count { get; private set; }

        public double Bound { get; private set; }

        public double Total => Count == 0 ? 0 : _cumulative[Count - 1];

        public void Clear(double beta, double bound) => (Count, _beta, Bound) = (0, beta, bound);

        public void Offer(int task, int to, int other, int otherTo, double delta)
        {
            if (delta > Bound) return;
            if (Count == _task.Length)
            {
                var size = Count * 2;
                Array.Resize(ref _task, size);
                Array.Resize(ref _to, size);
                Array.Resize(ref _other, size);
                Array.Resize(ref _otherTo, size);
                Array.Resize(ref _cumulative, size);
            }
            var acceptance = delta <= 0 ? 1 : Math.Exp(-_beta * delta);
            (_task[Count], _to[Count], _other[Count], _otherTo[Count]) = (task, to, other, otherTo);
            _cumulative[Count] = (Count == 0 ? 0 : _cumulative[Count - 1]) + acceptance;
            Count++;
        }

        /// <summary>The move whose share of the cumulative acceptance contains <paramref name="draw"/> (binary search).</summary>
        public int Pick(double draw)
        {
            var index = Array.BinarySearch(_cumulative, 0, Count, draw);
            if (index < 0) index = ~index;
            return Math.Min(index, Count - 1);
        }

        public (int Task, int To, int Other, int OtherTo) Move(int index) => (_task[index], _to[index], _other[index], _otherTo[index]);
    }

    private readonly struct Sink(Moves moves) : IPairMoveSink
    {
        public double Bound => moves.Bound;

        public void Offer(int first, int firstTo, int second, int secondTo, double delta) => moves.Offer(first, firstTo, second, secondTo, delta);
    }
}

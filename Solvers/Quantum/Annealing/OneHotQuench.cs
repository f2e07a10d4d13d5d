using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// The zero-temperature end of a one-hot anneal: steepest descent on the QUBO energy over every shift, swap and
/// ejection chain (<see cref="PairNeighbourhood"/>), and once none improves, optionally a pass over every cyclic exchange
/// of three tasks (<see cref="CycleDescent"/>); until no move lowers the energy or the deadline passes. At the cold end
/// random proposals rarely hit the few improving moves among n² pairs and n³ triples; enumerating them finds each one.
/// </summary>
internal static class OneHotQuench
{
    /// <summary>
    /// Descends from <paramref name="state"/> until no move improves it or the deadline passes; with
    /// <paramref name="cyclicExchanges"/> cyclic exchanges count as moves too (where the state prices them: a residual that
    /// does not couple tasks).
    /// </summary>
    public static void Run(OneHotState state, bool cyclicExchanges, long deadline, CancellationToken cancellationToken)
    {
        var structure = state.Structure;
        var movable = structure.MovableTasks();
        var pairs = new PairNeighbourhood(structure);
        var unused = new Xoshiro256(0, 0);
        var cycles = cyclicExchanges && state.PricesCycles ? new CycleDescent(structure) : null;
        while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < deadline)
        {
            var move = new ImprovingMove(-1e-9 * Math.Max(1, Math.Abs(state.Energy)));
            foreach (var t in movable)
            {
                var own = structure.TaskVariables(t);
                for (var p = -1; p < own.Count; p++)
                {
                    var v = p < 0 ? -1 : own[p];
                    if (v == state.VariableOfTask[t] || (v < 0 && structure.ExactlyOne)) continue;
                    move.Offer(t, v, -1, -1, state.ShiftDelta(t, v));
                }
            }
            pairs.Refresh(state, movable, 1, ref unused);
            pairs.Explore(state, ref move);
            if (move.Task < 0)
            {
                if (cycles is null || cycles.Pass(state, deadline) == 0) return;
                continue;
            }
            if (move.Other < 0) state.Shift(move.Task, move.To);
            else state.PairMove(move.Task, move.To, move.Other, move.OtherTo);
        }
    }

    /// <summary>The most improving move offered (strictly below the starting bound).</summary>
    private struct ImprovingMove(double bound) : IPairMoveSink
    {
        public double Bound { get; private set; } = bound;
        public int Task { get; private set; } = -1;
        public int To { get; private set; }
        public int Other { get; private set; }
        public int OtherTo { get; private set; }

        public void Offer(int first, int firstTo, int second, int secondTo, double delta)
        {
            if (delta >= Bound) return;
            (Bound, Task, To, Other, OtherTo) = (delta, first, firstTo, second, secondTo);
        }
    }
}

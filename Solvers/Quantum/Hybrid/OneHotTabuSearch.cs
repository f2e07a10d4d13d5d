using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>
/// Tabu search on a whole scheduling QUBO inside its one-hot subspace, priced by the QUBO's exact energy (slack
/// at its optimum, <see cref="OneHotState"/>): each step makes the best admissible move among every shift and the
/// swaps and ejection chains (<see cref="PairNeighbourhood"/>) started by a random share of the tasks, sized so
/// that a step evaluates about pairBudget of them; the moved tasks may not return to the agents they left for a
/// randomised tenure; aspiration admits a tabu move that beats the best energy; equal moves are chosen at random.
/// Single-flip tabu cannot move a task without first breaking its one-hot term; these moves can.
/// <para>
/// Strategic oscillation (optional): the capacity penalty weights the search steers by follow the search — an
/// agent's weight grows while it is overloaded and shrinks while it is not, never above the model's weight —
/// so the search can cross overloaded states between feasible ones. The best point is always judged by the
/// model's own energy.
/// </para>
/// </summary>
internal static class OneHotTabuSearch
{
    /// <summary>
    /// Moves the state in place to the best point visited (by the model's energy, with the model's weights
    /// restored); stops after maxSteps, after patience steps without a new best, or at the deadline.
    /// </summary>
    public static void Run(OneHotState state, int maxSteps, int patience, int pairBudget, TabuOscillation? oscillation, ref Xoshiro256 random, long deadline, CancellationToken cancellationToken)
    {
        var structure = state.Structure;
        var movable = structure.MovableTasks();
        if (movable.Length == 0) return;
        var agents = structure.AgentCount;
        var choice = new MoveChoice(new int[structure.TaskCount * (agents + 1)], structure);
        var (minTenure, tenureSpread) = (5, 1 + (int)(0.4 * Math.Sqrt(movable.Length)));
        var pairs = new PairNeighbourhood(structure);
        // A drawn task starts about one move per task on another agent.
        var share = Math.Min(1, pairBudget / Math.Max(1.0, (double)movable.Length * movable.Length));
        var best = (int[])state.VariableOfTask.Clone();
        var bestEnergy = state.ModelEnergy;
        var sinceBest = 0;
        for (var step = 1; step <= maxSteps && sinceBest < patience; step++)
        {
            choice.Reset(step, bestEnergy - Tolerance(bestEnergy) - state.ModelEnergy, random.NextUInt64());
            foreach (var t in movable)
            {
                var own = structure.TaskVariables(t);
                var current = state.VariableOfTask[t];
                for (var p = -1; p < own.Count; p++)
                {
                    var v = p < 0 ? -1 : own[p];
                    if (v == current || (v < 0 && structure.ExactlyOne)) continue;
                    var delta = state.ShiftDelta(t, v);
                    if (delta <= choice.Bound) choice.Offer(t, v, -1, -1, delta);
                }
            }
            pairs.Refresh(state, movable, share, ref random);
            pairs.Explore(state, ref choice);
            if (choice.Task < 0) break;

            var (task, to, other, otherTo) = (choice.Task, choice.To, choice.Other, choice.OtherTo);
            choice.Forbid(task, state.VariableOfTask[task], step + minTenure + random.NextInt(tenureSpread));
            if (other < 0) state.Shift(task, to);
            else
            {
                choice.Forbid(other, state.VariableOfTask[other], step + minTenure + random.NextInt(tenureSpread));
                state.PairMove(task, to, other, otherTo);
            }
            if (oscillation is { } o)
                for (var a = 0; a < agents; a++)
                {
                    var model = structure.CapacityWeight(a);
                    var weight = state.CapacityWeight(a) * (state.IsPenalized(a) ? 1 + o.Increase : 1 - o.Decrease);
                    state.SetCapacityWeight(a, Math.Clamp(weight, o.MinimumShare * model, model));
                }
            var energy = state.ModelEnergy;
            if (energy < bestEnergy - Tolerance(bestEnergy))
            {
                bestEnergy = energy;
                state.VariableOfTask.CopyTo(best, 0);
                sinceBest = 0;
            }
            else sinceBest++;
            if ((step & 63) == 0 && (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline)) break;
        }
        // Return to the best point visited, with the model's weights.
        for (var a = 0; a < agents; a++) state.SetCapacityWeight(a, structure.CapacityWeight(a));
        for (var t = 0; t < best.Length; t++)
            if (state.VariableOfTask[t] != best[t]) state.Shift(t, best[t]);
    }

    private static double Tolerance(double energy) => 1e-9 * Math.Max(1, Math.Abs(energy));

    /// <summary>
    /// The best admissible move of a step — a shift (Other = -1) or a two-task move — and the tabu memory: task t may
    /// not go back to agent a (index agents = "none") before step tabuUntil[t, a] unless the move aspires (beats the
    /// best energy). Equal moves win uniformly at random (reservoir sampling), so ties do not bias the search.
    /// </summary>
    private struct MoveChoice(int[] tabuUntil, Qubo.QuboAssignmentStructure structure) : IPairMoveSink
    {
        private int _step, _ties;
        private double _aspiration;
        private Xoshiro256 _random;

        public double Bound { get; private set; }
        public int Task { get; private set; }
        public int To { get; private set; }
        public int Other { get; private set; }
        public int OtherTo { get; private set; }

        public void Reset(int step, double aspiration, ulong seed)
        {
            (_step, _aspiration, _ties, _random) = (step, aspiration, 0, new Xoshiro256(unchecked((int)seed), step));
            (Bound, Task, To, Other, OtherTo) = (double.PositiveInfinity, -1, -1, -1, -1);
        }

        public void Offer(int first, int firstTo, int second, int secondTo, double delta)
        {
            if (delta > Bound) return;
            var tabu = IsTabu(first, firstTo) || (second >= 0 && IsTabu(second, secondTo));
            if (tabu && delta >= _aspiration) return;
            if (delta < Bound) _ties = 1;
            else if (_random.NextInt(++_ties) != 0) return;
            (Bound, Task, To, Other, OtherTo) = (delta, first, firstTo, second, secondTo);
        }

        public readonly void Forbid(int task, int variable, int until) => tabuUntil[Slot(task, variable)] = until;

        private readonly bool IsTabu(int task, int variable) => tabuUntil[Slot(task, variable)] >= _step;

        private readonly int Slot(int task, int variable) =>
            task * (structure.AgentCount + 1) + (variable < 0 ? structure.AgentCount : structure.AgentOfVariable[variable]);
    }
}

/// <summary>How a tabu search's capacity weights follow the search (relative change per step, and the floor as a share of the model's weight).</summary>
internal readonly record struct TabuOscillation(double Increase, double Decrease, double MinimumShare);

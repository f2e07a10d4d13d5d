using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>
/// Tabu search on a whole scheduling QUBO inside its one-hot subspace, priced by the QUBO's exact energy (slack
/// at its optimum, <see cref="OneHotState"/>): each step makes the best non-tabu move among every shift and every
/// swap (a random sample of swapBudget swaps when there are more pairs), and forbids the moved tasks from
/// returning to the agents they left for a randomised tenure; aspiration admits a tabu move that beats the best
/// energy. Single-flip tabu cannot move a task without
/// first breaking its one-hot term; these moves can.
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
    public static void Run(OneHotState state, int maxSteps, int patience, int swapBudget, TabuOscillation? oscillation, ref Xoshiro256 random, long deadline, CancellationToken cancellationToken)
    {
        var structure = state.Structure;
        var movable = structure.MovableTasks();
        if (movable.Length == 0) return;
        var agents = structure.AgentCount;
        // Tabu attribute: task t may not go back to agent a (index agents = "none") before tabuUntil[t, a].
        var tabuUntil = new int[structure.TaskCount * (agents + 1)];
        var (minTenure, tenureSpread) = (Math.Clamp(movable.Length / 20, 3, 10), Math.Clamp(movable.Length / 10, 2, 20));
        var best = (int[])state.VariableOfTask.Clone();
        var bestEnergy = state.ModelEnergy;
        var sinceBest = 0;
        for (var step = 1; step <= maxSteps && sinceBest < patience; step++)
        {
            var (kind, task, other, to, otherTo, moveDelta) = (0, -1, -1, -1, -1, double.PositiveInfinity);
            var aspiration = bestEnergy - Tolerance(bestEnergy) - state.ModelEnergy;
            foreach (var t in movable)
            {
                var own = structure.TaskVariables(t);
                var current = state.VariableOfTask[t];
                for (var p = -1; p < own.Count; p++)
                {
                    var v = p < 0 ? -1 : own[p];
                    if (v == current || (v < 0 && structure.ExactlyOne)) continue;
                    var delta = state.ShiftDelta(t, v);
                    if (delta >= moveDelta || (IsTabu(t, v, step) && delta >= aspiration)) continue;
                    (kind, task, to, moveDelta) = (1, t, v, delta);
                }
            }
            // Every pair when there are few enough, else a random sample of that many.
            var allPairs = (long)movable.Length * (movable.Length - 1) / 2 <= swapBudget;
            for (var s = 0; s < (allPairs ? movable.Length * movable.Length : swapBudget); s++)
            {
                var (t1, t2) = allPairs ? (movable[s / movable.Length], movable[s % movable.Length]) : (movable[random.NextInt(movable.Length)], movable[random.NextInt(movable.Length)]);
                if ((allPairs && t1 >= t2) || !state.TrySwapTargets(t1, t2, out var v1, out var v2)) continue;
                var delta = state.SwapDelta(t1, t2, v1, v2);
                if (delta >= moveDelta || ((IsTabu(t1, v1, step) || IsTabu(t2, v2, step)) && delta >= aspiration)) continue;
                (kind, task, other, to, otherTo, moveDelta) = (2, t1, t2, v1, v2, delta);
            }
            if (kind == 0) break;

            tabuUntil[Slot(task, state.VariableOfTask[task])] = step + minTenure + random.NextInt(tenureSpread);
            if (kind == 1) state.Shift(task, to);
            else
            {
                tabuUntil[Slot(other, state.VariableOfTask[other])] = step + minTenure + random.NextInt(tenureSpread);
                state.Swap(task, other, to, otherTo);
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
        return;

        int Slot(int t, int v) => t * (agents + 1) + (v < 0 ? agents : structure.AgentOfVariable[v]);

        bool IsTabu(int t, int v, int step) => tabuUntil[Slot(t, v)] >= step;
    }
    private static double Tolerance(double energy) => 1e-9 * Math.Max(1, Math.Abs(energy));
}

/// <summary>How the tabu search's capacity weights follow the search (relative change per step, and the floor as a share of the model's weight).</summary>
internal readonly record struct TabuOscillation(double Increase, double Decrease, double MinimumShare);

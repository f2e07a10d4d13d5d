using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// Simulated annealing of a scheduling QUBO inside its one-hot subspace: every proposal is a shift (one task to
/// another of its agents) or a swap (two tasks exchange agents), accepted by the Metropolis rule on its exact
/// QUBO energy change with the capacity slack at its closed-form optimum (<see cref="OneHotState"/>). Single
/// flips would have to climb the one-hot penalty (2P) and the slack penalty (P·d²) to move a task at all; these
/// moves see only the objective and real overloads.
/// </summary>
internal static class OneHotAnnealer
{
    public static QuboSample Anneal(
        QuboAssignmentStructure structure, double[] betas, SimulatedAnnealingOptions options, QuboSampleRequest request,
        int read, ref Xoshiro256 random, long deadline, double budget, CancellationToken cancellationToken)
    {
        var (kind, swapProbability) = (options.Schedule, options.SwapProbability);
        if (request.InitialStates is { } initial && read < initial.Count && options.ReverseAnnealingStart > 0)
            betas = BetaSchedule.Build(kind, BetaSchedule.At(kind, betas[0], betas[^1], options.ReverseAnnealingStart), betas[^1], betas.Length);
        var state = new OneHotState(structure, OneHotStart.Choice(structure, request, read, ref random));
        var movable = structure.MovableTasks();
        var best = (int[])state.VariableOfTask.Clone();
        var bestEnergy = state.Energy;
        var started = Stopwatch.GetTimestamp();
        for (var s = 0; s < betas.Length && movable.Length > 0; s++)
        {
            var beta = betas[s];
            for (var step = 0; step < movable.Length; step++)
            {
                var task = movable[random.NextInt(movable.Length)];
                if (random.NextDouble() < swapProbability)
                {
                    var other = movable[random.NextInt(movable.Length)];
                    if (!state.TrySwapTargets(task, other, out var taskTo, out var otherTo)) continue;
                    if (Accept(state.SwapDelta(task, other, taskTo, otherTo), beta, ref random)) state.Swap(task, other, taskTo, otherTo);
                    continue;
                }
                var to = RandomOtherChoice(structure, state.VariableOfTask[task], task, ref random);
                if (Accept(state.ShiftDelta(task, to), beta, ref random)) state.Shift(task, to);
            }
            if (state.Energy < bestEnergy)
            {
                bestEnergy = state.Energy;
                state.VariableOfTask.CopyTo(best, 0);
            }
            if (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline) break;
            if (s == 0) betas = BetaSchedule.FitToBudget(betas, kind, Stopwatch.GetElapsedTime(started).TotalSeconds, budget);
        }
        // The running energy accumulates rounding; report the kept state's energy recomputed.
        return new QuboSample(structure.ToBits(best), new OneHotState(structure, best).Energy);
    }

    private static bool Accept(double delta, double beta, ref Xoshiro256 random) =>
        delta <= 0 || (beta * delta <= SimulatedAnnealingSampler.RejectExponent && random.NextDouble() < Math.Exp(-beta * delta));

    /// <summary>A uniformly random option of the task other than its current one (-1 = none, when allowed).</summary>
    private static int RandomOtherChoice(QuboAssignmentStructure structure, int current, int task, ref Xoshiro256 random)
    {
        var own = structure.TaskVariables(task);
        // Every option but the current one: the task's variables, and "none" when allowed.
        var pick = random.NextInt(own.Count + (structure.ExactlyOne ? 0 : 1) - 1);
        for (var p = 0; p < own.Count; p++)
        {
            if (own[p] == current) continue;
            if (pick-- == 0) return own[p];
        }
        return -1;
    }
}

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
        QuboAssignmentStructure structure, (double Hot, double Cold) range, SimulatedAnnealingOptions options, QuboSampleRequest request,
        int read, ref Xoshiro256 random, long deadline, double budget, CancellationToken cancellationToken)
    {
        var (kind, swapProbability, chainProbability, sweeps) = (options.Schedule, options.SwapProbability, options.ChainProbability, options.Sweeps);
        var (hot, cold) = range;
        // Reads that start from a given state anneal in reverse: from part-way into the schedule.
        var offset = request.InitialStates is { } initial && read < initial.Count ? options.ReverseAnnealingStart : 0;
        var state = new OneHotState(structure, OneHotStart.Choice(structure, request, read, ref random));
        var movable = structure.MovableTasks();
        var best = (int[])state.VariableOfTask.Clone();
        var bestEnergy = state.Energy;
        var started = Stopwatch.GetTimestamp();
        var done = movable.Length == 0;
        for (var s = 0; !done; s++)
        {
            var fraction = BetaSchedule.AnytimeFraction(s, sweeps, Stopwatch.GetElapsedTime(started).TotalSeconds, budget);
            done = fraction >= 1;
            var beta = BetaSchedule.At(kind, hot, cold, offset + (1 - offset) * fraction);
            for (var step = 0; step < movable.Length; step++)
            {
                var task = movable[random.NextInt(movable.Length)];
                if (random.NextDouble() < swapProbability)
                {
                    var other = movable[random.NextInt(movable.Length)];
                    if (!PairTargets(state, task, other, chainProbability, ref random, out var taskTo, out var otherTo)) continue;
                    if (Accept(state.PairDelta(task, taskTo, other, otherTo), beta, ref random)) state.PairMove(task, taskTo, other, otherTo);
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
        }
        // The running energy accumulates rounding: the kept state is rebuilt, then quenched.
        var kept = new OneHotState(structure, best);
        if (options.Quench) OneHotQuench.Run(kept, deadline, cancellationToken);
        return new QuboSample(kept.ToBits(), new OneHotState(structure, kept.VariableOfTask).Energy);
    }

    /// <summary>
    /// A two-task proposal for tasks on different agents: the first moves onto the second's agent, and the second
    /// either takes the first's agent (a swap) or, with probability <paramref name="chainProbability"/>, is pushed
    /// on to a random other agent of its own (an ejection chain). False when a pair of the move has no variable.
    /// </summary>
    private static bool PairTargets(OneHotState state, int task, int other, double chainProbability, ref Xoshiro256 random, out int taskTo, out int otherTo)
    {
        otherTo = -1;
        if (!state.TrySwapTargets(task, other, out taskTo, out var swapTo)) return false;
        if (random.NextDouble() >= chainProbability) otherTo = swapTo;
        else otherTo = RandomOtherChoice(state.Structure, state.VariableOfTask[other], other, ref random);
        return otherTo >= 0 || !state.Structure.ExactlyOne;
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

using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// Simulated annealing of a scheduling QUBO inside its one-hot subspace: every proposal is a shift (one task to
/// another of its agents), a two-task move (swap or ejection chain) or a cyclic exchange of three tasks
/// (<see cref="OneHotProposals"/>), accepted by the Metropolis rule on its exact QUBO energy change with the capacity
/// slack at its closed-form optimum (<see cref="OneHotState"/>). Single flips would have to climb the one-hot penalty
/// (2P) and the slack penalty (P·d²) to move a task at all; these moves see only the objective and real overloads.
/// <para>
/// With a <see cref="SimulatedAnnealingOptions.PenaltyRamp"/> the walk steers by capacity weights that grow from the
/// objective's scale to the QUBO's over the schedule (<see cref="PenaltyRamp"/>), so its early part can cross overloaded
/// assignments; the best state is still judged by the QUBO's own energy (every assignment that fits is caught as the
/// walk passes it), the end of the schedule and the quench are on the QUBO itself, and the returned energy is the
/// model's.
/// </para>
/// </summary>
internal static class OneHotAnnealer
{
    public static QuboSample Anneal(
        QuboAssignmentStructure structure, (double Hot, double Cold) range, SimulatedAnnealingOptions options, QuboSampleRequest request,
        int read, ref Xoshiro256 random, long deadline, double budget, CancellationToken cancellationToken)
    {
        var (kind, sweeps) = (options.Schedule, options.Sweeps);
        var (swapProbability, chainProbability, cheapest) = (options.SwapProbability, options.ChainProbability, options.CheapestChainArrival);
        // Cyclic exchanges are priced from per-task parts, which needs a residual that does not couple tasks.
        var cycleProbability = structure.ResidualCouplesTasks ? 0 : options.CycleProbability;
        var (hot, cold) = range;
        // Reads that start from a given state anneal in reverse: from part-way into the schedule.
        var offset = request.InitialStates is { } initial && read < initial.Count ? options.ReverseAnnealingStart : 0;
        var ramp = options.PenaltyRamp is { } rampOptions ? new PenaltyRamp(structure, rampOptions) : null;
        var state = new OneHotState(structure, OneHotStart.Choice(structure, request, read, ref random), linearSearchPenalty: ramp?.LinearExcess ?? false);
        var movable = structure.MovableTasks();
        var best = (int[])state.VariableOfTask.Clone();
        var bestEnergy = state.ModelEnergy;
        Span<int> group = stackalloc int[OneHotProposals.CycleSize];
        Span<int> targets = stackalloc int[OneHotProposals.CycleSize];
        var started = Stopwatch.GetTimestamp();
        var done = movable.Length == 0;
        for (var s = 0; !done; s++)
        {
            var fraction = BetaSchedule.AnytimeFraction(s, sweeps, Stopwatch.GetElapsedTime(started).TotalSeconds, budget);
            done = fraction >= 1;
            var place = offset + (1 - offset) * fraction;
            var beta = BetaSchedule.At(kind, hot, cold, place);
            // The capacity weights of this sweep; until the ramp is full the walk may be overloaded.
            ramp?.Apply(state, place);
            var relaxed = ramp is { IsFull: false };
            for (var step = 0; step < movable.Length; step++)
            {
                var task = movable[random.NextInt(movable.Length)];
                var draw = random.NextDouble();
                if (draw < swapProbability)
                {
                    var other = movable[random.NextInt(movable.Length)];
                    if (!OneHotProposals.PairTargets(state, task, other, chainProbability, cheapest, ref random, out var taskTo, out var otherTo)) continue;
                    if (!Accept(state.PairDelta(task, taskTo, other, otherTo), beta, ref random)) continue;
                    state.PairMove(task, taskTo, other, otherTo);
                }
                else if (draw < swapProbability + cycleProbability)
                {
                    group[0] = task;
                    for (var g = 1; g < group.Length; g++) group[g] = movable[random.NextInt(movable.Length)];
                    if (!OneHotProposals.CyclicTargets(state, group, targets)) continue;
                    if (!Accept(state.GroupDelta(group, targets), beta, ref random)) continue;
                    for (var g = 0; g < group.Length; g++) state.Shift(group[g], targets[g]);
                }
                else
                {
                    var to = OneHotProposals.RandomOtherChoice(structure, state.VariableOfTask[task], task, ref random);
                    if (!Accept(state.ShiftDelta(task, to), beta, ref random)) continue;
                    state.Shift(task, to);
                }
                // While the walk may be overloaded, catch every assignment that fits as it passes.
                if (relaxed && state.PenalizedAgents == 0 && state.ResidualEnergy < bestEnergy)
                {
                    bestEnergy = state.ResidualEnergy;
                    state.VariableOfTask.CopyTo(best, 0);
                }
            }
            // The best state is judged by the QUBO's own energy, whatever weights the walk steers by.
            var energy = ramp is null ? state.Energy : state.ModelEnergy;
            if (energy < bestEnergy)
            {
                bestEnergy = energy;
                state.VariableOfTask.CopyTo(best, 0);
            }
            if (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline) break;
        }
        // The running energy accumulates rounding: the kept state is rebuilt, then quenched.
        var kept = new OneHotState(structure, best);
        if (options.Quench) OneHotQuench.Run(kept, deadline, cancellationToken);
        return new QuboSample(kept.ToBits(), new OneHotState(structure, kept.VariableOfTask).Energy);
    }

    private static bool Accept(double delta, double beta, ref Xoshiro256 random) =>
        delta <= 0 || (beta * delta <= SimulatedAnnealingSampler.RejectExponent && random.NextDouble() < Math.Exp(-beta * delta));
}

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
/// <para>
/// With <see cref="SimulatedAnnealingOptions.RejectionFreeBelow"/>, once the walk accepts almost nothing it continues with
/// rejection-free steps (<see cref="OneHotRejectionFree"/>) over the shifts, swaps and chains, counting the proposals each
/// step stands for as sweeps of the schedule.
/// </para>
/// </summary>
internal static class OneHotAnnealer
{
    public static QuboSample Anneal(
        QuboAssignmentStructure structure, (double Hot, double Cold) range, SimulatedAnnealingOptions options, QuboSampleRequest request,
        int read, ref Xoshiro256 random, long deadline, double budget, CancellationToken cancellationToken)
    {
        var (kind, sweeps) = (options.Schedule, options.Sweeps);
        var (hot, cold) = range;
        // Reads that start from a given state anneal in reverse: from part-way into the schedule.
        var offset = request.InitialStates is { } initial && read < initial.Count ? options.ReverseAnnealingStart : 0;
        var ramp = options.PenaltyRamp is { } rampOptions ? new PenaltyRamp(structure, rampOptions) : null;
        var state = new OneHotState(structure, OneHotStart.Choice(structure, request, read, ref random), linearSearchPenalty: ramp?.LinearExcess ?? false);
        var metropolis = new OneHotMetropolis(structure, options);
        var movable = metropolis.Movable;
        var best = (int[])state.VariableOfTask.Clone();
        var bestEnergy = state.ModelEnergy;
        var started = Stopwatch.GetTimestamp();
        var done = movable.Length == 0;
        // Sweeps done (fractional once rejection-free steps stand for the proposals they skip) and the acceptance of the
        // last ones, which decides when the walk has become cold enough for rejection-free steps.
        var clock = 0.0;
        var window = new int[FreezeWindow];
        var windowAccepted = 0;
        var rejectionFree = (OneHotRejectionFree?)null;
        for (var s = 0; !done; s++)
        {
            var fraction = BetaSchedule.AnytimeFraction((int)Math.Min(int.MaxValue, clock), sweeps, Stopwatch.GetElapsedTime(started).TotalSeconds, budget);
            done = fraction >= 1;
            var place = offset + (1 - offset) * fraction;
            var beta = BetaSchedule.At(kind, hot, cold, place);
            // The capacity weights of this sweep; until the ramp is full the walk may be overloaded.
            ramp?.Apply(state, place);
            var relaxed = ramp is { IsFull: false };
            if (rejectionFree is not null)
            {
                var proposals = rejectionFree.Step(state, beta, ref random);
                // No move left with a non-negligible acceptance: a Metropolis walk would stay here to the end.
                if (double.IsPositiveInfinity(proposals)) break;
                clock += proposals / movable.Length;
                if (state.Energy < bestEnergy)
                {
                    bestEnergy = state.Energy;
                    state.VariableOfTask.CopyTo(best, 0);
                }
                if (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline) break;
                continue;
            }
            var accepted = 0;
            for (var step = 0; step < movable.Length; step++)
            {
                if (!metropolis.Step(state, beta, ref random)) continue;
                accepted++;
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
            clock++;
            var slot = s % FreezeWindow;
            windowAccepted += accepted - window[slot];
            window[slot] = accepted;
            if (options.RejectionFreeBelow is { } below && ramp is null && s >= FreezeWindow && windowAccepted < below * FreezeWindow * movable.Length)
                rejectionFree = new OneHotRejectionFree(structure, movable);
            if (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline) break;
        }
        // The running energy accumulates rounding: the kept state is rebuilt, then quenched.
        var kept = new OneHotState(structure, best);
        if (options.Quench) OneHotQuench.Run(kept, deadline, cancellationToken);
        return new QuboSample(kept.ToBits(), new OneHotState(structure, kept.VariableOfTask).Energy);
    }

    /// <summary>Sweeps over which the acceptance is measured to decide on rejection-free steps.</summary>
    private const int FreezeWindow = 16;
}

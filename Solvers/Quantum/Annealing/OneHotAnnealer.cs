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
        // The walk ends early enough to leave the quench its share of the read's time (it keeps what it does not use).
        var walkBudget = options.Quench ? budget * (1 - options.QuenchShare) : budget;
        var now = Stopwatch.GetTimestamp();
        var walkDeadline = now + (long)Math.Min(walkBudget * Stopwatch.Frequency, deadline - now);
        return Finish(Walk(structure, range, options, request, read, null, ref random, walkDeadline, walkBudget, cancellationToken), options, deadline, cancellationToken);
    }

    /// <summary>
    /// The anneal's walk, to the end of its schedule — or, with a <paramref name="handOver"/>, to the first place at or
    /// past <see cref="HandOver.Place"/> where <see cref="HandOver.Accepts"/> takes the walk over (checked once).
    /// </summary>
    public static AnnealWalk Walk(
        QuboAssignmentStructure structure, (double Hot, double Cold) range, SimulatedAnnealingOptions options, QuboSampleRequest request,
        int read, HandOver? handOver, ref Xoshiro256 random, long deadline, double budget, CancellationToken cancellationToken)
    {
        var (kind, sweeps) = (options.Schedule, options.Sweeps);
        var (hot, cold) = range;
        // Reads that start from a given state anneal in reverse: from part-way into the schedule.
        var offset = request.InitialStates is { } initial && read < initial.Count ? options.ReverseAnnealingStart : 0;
        var ramp = options.PenaltyRamp is { } rampOptions ? new PenaltyRamp(structure, rampOptions) : null;
        var state = new OneHotState(structure, OneHotStart.Choice(structure, request, read, ref random), linearSearchPenalty: ramp?.LinearExcess ?? false);
        var metropolis = new OneHotMetropolis(structure, options);
        var movable = metropolis.Movable;
        var walk = new AnnealWalk(state, metropolis, Stopwatch.GetTimestamp());
        var done = movable.Length == 0;
        // The acceptance of the last sweeps, which decides when the walk has become cold enough for rejection-free steps.
        var window = new int[FreezeWindow];
        var windowAccepted = 0;
        var rejectionFree = (OneHotRejectionFree?)null;
        void CatchFitting()
        {
            if (state.PenalizedAgents == 0) walk.Keep(state.ResidualEnergy);
        }
        var catchFitting = (Action)CatchFitting;
        for (var s = 0; !done; s++)
        {
            var fraction = walk.Fraction(sweeps, budget);
            done = fraction >= 1;
            var place = offset + (1 - offset) * fraction;
            if (handOver is not null && place >= handOver.Place && walk.Sweeps > 0)
            {
                if (handOver.Accepts(walk.Sweeps, walk.ElapsedSeconds))
                {
                    walk.HandedOverAt = place;
                    return walk;
                }
                handOver = null;
            }
            var beta = BetaSchedule.At(kind, hot, cold, place);
            // The capacity weights of this sweep; until the ramp is full the walk may be overloaded.
            ramp?.Apply(state, place);
            var relaxed = ramp is { IsFull: false };
            if (rejectionFree is not null)
            {
                var proposals = rejectionFree.Step(state, beta, ref random);
                // No move left with a non-negligible acceptance: a Metropolis walk would stay here to the end.
                if (double.IsPositiveInfinity(proposals)) break;
                walk.Sweeps += proposals / movable.Length;
                walk.Keep(state.Energy);
                if (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline) break;
                continue;
            }
            // While the walk may be overloaded, catch every assignment that fits as it passes.
            var accepted = metropolis.Sweep(state, beta, ref random, relaxed ? catchFitting : null);
            // The best state is judged by the QUBO's own energy, whatever weights the walk steers by.
            walk.Keep(ramp is null ? state.Energy : state.ModelEnergy);
            walk.Sweeps++;
            var slot = s % FreezeWindow;
            windowAccepted += accepted - window[slot];
            window[slot] = accepted;
            if (options.RejectionFreeBelow is { } below && ramp is null && s >= FreezeWindow && windowAccepted < below * FreezeWindow * movable.Length)
                rejectionFree = new OneHotRejectionFree(structure, movable);
            if (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline) break;
        }
        return walk;
    }

    /// <summary>The read's sample: its best state rebuilt (the running energy accumulates rounding), then quenched.</summary>
    public static QuboSample Finish(AnnealWalk walk, SimulatedAnnealingOptions options, long deadline, CancellationToken cancellationToken)
    {
        var structure = walk.State.Structure;
        var kept = new OneHotState(structure, walk.Best);
        if (options.Quench) OneHotQuench.Run(kept, options.CycleProbability > 0, deadline, cancellationToken);
        return new QuboSample(kept.ToBits(), new OneHotState(structure, kept.VariableOfTask).Energy);
    }

    /// <summary>Sweeps over which the acceptance is measured to decide on rejection-free steps.</summary>
    private const int FreezeWindow = 16;
}

using System.Diagnostics;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// Replica exchange (parallel tempering) of a scheduling QUBO inside its one-hot subspace (<see cref="ReplicaExchangeOptions"/>).
/// A read first anneals one state as <see cref="OneHotAnnealer"/> does (warm-started reads from part-way, as reverse
/// annealing) up to <see cref="ReplicaExchangeOptions.HandOver"/>, then copies it into a ladder of replicas at fixed β;
/// every replica is a Metropolis walk on the QUBO's exact energy with the anneal's moves (<see cref="OneHotMetropolis"/>),
/// and after every <see cref="ReplicaExchangeOptions.ExchangeInterval"/> sweeps neighbouring replicas (alternately the
/// even and the odd pairs) exchange states by the standard rule. A plain anneal freezes about two thirds into its
/// schedule and then walks cold; here the cold end keeps receiving states that were loosened at hotter β.
/// </summary>
internal static class OneHotReplicaExchange
{
    /// <summary>
    /// The probability of exchanging the states of two replicas at β₁ and β₂ with energies E₁ and E₂:
    /// min(1, e^((β₁−β₂)(E₁−E₂))), which keeps every replica's Boltzmann distribution stationary.
    /// </summary>
    public static double ExchangeProbability(double beta1, double energy1, double beta2, double energy2)
    {
        var exponent = (beta1 - beta2) * (energy1 - energy2);
        return exponent >= 0 ? 1 : Math.Exp(exponent);
    }

    /// <summary>
    /// The ladder's inverse temperatures, coldest first: geometric in the anneal's range from
    /// <see cref="ReplicaExchangeOptions.ColdSpan"/> below to <see cref="ReplicaExchangeOptions.HotSpan"/> above the hand-over
    /// place (clamped to the range).
    /// </summary>
    public static double[] Ladder((double Hot, double Cold) range, ReplicaExchangeOptions options, double handOver)
    {
        var (coldPlace, hotPlace) = (Math.Min(1, handOver + options.ColdSpan), Math.Max(0, handOver - options.HotSpan));
        var betas = new double[options.Replicas];
        for (var k = 0; k < betas.Length; k++)
            betas[k] = BetaSchedule.At(BetaScheduleKind.Geometric, range.Hot, range.Cold, coldPlace - (coldPlace - hotPlace) * k / (betas.Length - 1));
        return betas;
    }

    /// <summary>
    /// Whether the sweeps a read has left — by count, and by the time left at the rate measured so far — give every
    /// replica at least <see cref="ReplicaExchangeOptions.MinimumSweepsPerReplica"/>.
    /// </summary>
    public static bool LadderPays(ReplicaExchangeOptions exchange, long sweepsDone, int sweeps, double elapsedSeconds, double budgetSeconds)
    {
        var left = Math.Min(sweeps - sweepsDone, sweepsDone / Math.Max(elapsedSeconds, 1e-9) * (budgetSeconds - elapsedSeconds));
        return left >= (double)exchange.MinimumSweepsPerReplica * exchange.Replicas;
    }

    public static QuboSample Run(
        QuboAssignmentStructure structure, (double Hot, double Cold) range, SimulatedAnnealingOptions options, QuboSampleRequest request,
        int read, ref Xoshiro256 random, long deadline, double budget, CancellationToken cancellationToken)
    {
        var exchange = options.ReplicaExchange ?? throw new ArgumentException("No replica exchange settings.", nameof(options));
        var metropolis = new OneHotMetropolis(structure, options);
        var started = Stopwatch.GetTimestamp();
        double Elapsed() => Stopwatch.GetElapsedTime(started).TotalSeconds;
        // Sweeps counts the sweeps of every walk together, so a read costs about what an anneal of as many sweeps does;
        // the place in the read is the later of sweeps done and time used (as the anneal's), which makes reads whose
        // time does not bind reproducible.
        double Fraction(long sweepsDone) => BetaSchedule.AnytimeFraction((int)Math.Min(int.MaxValue, sweepsDone), options.Sweeps, Elapsed(), budget);

        var first = new OneHotState(structure, OneHotStart.Choice(structure, request, read, ref random));
        var best = (int[])first.VariableOfTask.Clone();
        var bestEnergy = first.Energy;
        var sweeps = 0L;
        var stopped = metropolis.Movable.Length == 0;
        // Reads that start from a given state anneal in reverse: from part-way into the schedule.
        var offset = request.InitialStates is { } initial && read < initial.Count ? options.ReverseAnnealingStart : 0;
        var handOver = double.NaN;
        var ladderDeclined = false;
        for (var fraction = Fraction(0); !stopped && fraction < 1; fraction = Fraction(sweeps))
        {
            var place = offset + (1 - offset) * fraction;
            if (!ladderDeclined && place >= exchange.HandOver && sweeps > 0)
            {
                if (LadderPays(exchange, sweeps, options.Sweeps, Elapsed(), budget))
                {
                    handOver = place;
                    break;
                }
                ladderDeclined = true;
            }
            metropolis.Sweep(first, BetaSchedule.At(options.Schedule, range.Hot, range.Cold, place), ref random);
            sweeps++;
            Keep(first, best, ref bestEnergy);
            stopped = cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline;
        }
        if (!double.IsNaN(handOver)) Temper(structure, metropolis, Ladder(range, exchange, handOver), exchange, first, best, ref bestEnergy, ref sweeps, Fraction, ref random, deadline, cancellationToken);
        // The running energies accumulate rounding: the kept state is rebuilt, then quenched.
        var kept = new OneHotState(structure, best);
        if (options.Quench) OneHotQuench.Run(kept, deadline, cancellationToken);
        return new QuboSample(kept.ToBits(), new OneHotState(structure, kept.VariableOfTask).Energy);
    }

    /// <summary>The ladder's walks from copies of <paramref name="start"/>, until the read's fraction reaches 1.</summary>
    private static void Temper(
        QuboAssignmentStructure structure, OneHotMetropolis metropolis, double[] ladder, ReplicaExchangeOptions exchange, OneHotState start,
        int[] best, ref double bestEnergy, ref long sweeps, Func<long, double> fraction, ref Xoshiro256 random, long deadline, CancellationToken cancellationToken)
    {
        var count = ladder.Length;
        var replicas = new OneHotState[count];
        for (var k = 0; k < count; k++) replicas[k] = k == 0 ? start : new OneHotState(structure, (int[])start.VariableOfTask.Clone());
        for (var round = 0; fraction(sweeps) < 1; round++)
        {
            for (var k = 0; k < count; k++)
            {
                metropolis.Sweep(replicas[k], ladder[k], ref random);
                Keep(replicas[k], best, ref bestEnergy);
            }
            sweeps += count;
            if ((round + 1) % exchange.ExchangeInterval == 0)
            {
                // Alternately the even and the odd neighbour pairs, so that every pair is tried and none twice at once.
                for (var k = (round / exchange.ExchangeInterval) % 2; k + 1 < count; k += 2)
                {
                    var p = ExchangeProbability(ladder[k], replicas[k].Energy, ladder[k + 1], replicas[k + 1].Energy);
                    if (p >= 1 || random.NextDouble() < p) (replicas[k], replicas[k + 1]) = (replicas[k + 1], replicas[k]);
                }
            }
            if (cancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline) return;
        }
    }

    private static void Keep(OneHotState state, int[] best, ref double bestEnergy)
    {
        if (state.Energy >= bestEnergy) return;
        bestEnergy = state.Energy;
        state.VariableOfTask.CopyTo(best, 0);
    }
}

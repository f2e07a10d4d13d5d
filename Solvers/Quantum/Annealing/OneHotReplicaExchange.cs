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
    public static bool LadderPays(ReplicaExchangeOptions exchange, double sweepsDone, int sweeps, double elapsedSeconds, double budgetSeconds)
    {
        var left = Math.Min(sweeps - sweepsDone, sweepsDone / Math.Max(elapsedSeconds, 1e-9) * (budgetSeconds - elapsedSeconds));
        return left >= (double)exchange.MinimumSweepsPerReplica * exchange.Replicas;
    }

    public static QuboSample Run(
        QuboAssignmentStructure structure, (double Hot, double Cold) range, SimulatedAnnealingOptions options, QuboSampleRequest request,
        int read, ref Xoshiro256 random, long deadline, double budget, CancellationToken cancellationToken)
    {
        var exchange = options.ReplicaExchange ?? throw new ArgumentException("No replica exchange settings.", nameof(options));
        // The anneal's own walk up to the hand-over; a read without sweeps enough for the ladder stays the plain anneal.
        var handOver = new HandOver(exchange.HandOver, (sweepsDone, elapsed) => LadderPays(exchange, sweepsDone, options.Sweeps, elapsed, budget));
        var walk = OneHotAnnealer.Walk(structure, range, options, request, read, handOver, ref random, deadline, budget, cancellationToken);
        if (walk.HandedOverAt is { } place)
            Temper(walk, Ladder(range, exchange, place), exchange, options.Sweeps, budget, ref random, deadline, cancellationToken);
        return OneHotAnnealer.Finish(walk, options, deadline, cancellationToken);
    }

    /// <summary>The ladder's walks from copies of the walk's state, until the read's schedule ends.</summary>
    private static void Temper(
        AnnealWalk walk, double[] ladder, ReplicaExchangeOptions exchange, int sweeps, double budget, ref Xoshiro256 random, long deadline,
        CancellationToken cancellationToken)
    {
        var count = ladder.Length;
        var start = walk.State;
        var replicas = new OneHotState[count];
        for (var k = 0; k < count; k++) replicas[k] = k == 0 ? start : new OneHotState(start.Structure, start.VariableOfTask);
        // Sweeps counts the sweeps of every walk together, so a read costs about what an anneal of as many sweeps does.
        for (var round = 0; walk.Fraction(sweeps, budget) < 1; round++)
        {
            for (var k = 0; k < count; k++)
            {
                walk.Metropolis.Sweep(replicas[k], ladder[k], ref random);
                walk.Keep(replicas[k], replicas[k].Energy);
            }
            walk.Sweeps += count;
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
}

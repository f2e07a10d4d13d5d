using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Tests.Quantum;

/// <summary>
/// Replica exchange for the one-hot anneal (<see cref="ReplicaExchangeOptions"/>): the exchange rule, the ladder, when the
/// ladder is used, and that its samples are the QUBO's (true energies, checked assignments, reproducible by seed on one and
/// two threads, the brute-force optimum on a small instance).
/// </summary>
public class ReplicaExchangeTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(5);

    /// <summary>A ladder that is always used (no minimum of sweeps) from half-way, so that short test reads temper.</summary>
    private static readonly ReplicaExchangeOptions Always = new() { Replicas = 4, HandOver = 0.5, MinimumSweepsPerReplica = 0 };

    private static SchedulingQubo Formulate(int seed, int tasks, int agents, bool allowUnassigned = false) =>
        QuboTestProblems.FormulateGap(seed, tasks, agents, allowUnassigned);

    private static QuboSampleSet Sample(SchedulingQubo qubo, SimulatedAnnealingOptions options, int seed, int threads) =>
        new SimulatedAnnealingSampler(options).Sample(qubo.Model, new QuboSampleRequest(seed, Generous, threads, Structure: qubo.Structure), CancellationToken.None);

    [Fact]
    public void The_exchange_probability_is_one_when_the_colder_replica_has_the_higher_energy_and_else_exp_of_the_products()
    {
        // The colder replica (β 2) holds the higher energy: exchanging lowers the joint weight's exponent, always accepted.
        Assert.Equal(1, OneHotReplicaExchange.ExchangeProbability(2, 12, 1, 10));
        // The colder one holds the lower energy: (β₁ − β₂)(E₁ − E₂) = (2 − 1)(10 − 12) = −2.
        Assert.Equal(Math.Exp(-2), OneHotReplicaExchange.ExchangeProbability(2, 10, 1, 12), 12);
        Assert.Equal(Math.Exp(-0.5 * 30), OneHotReplicaExchange.ExchangeProbability(0.7, 100, 1.2, 70), 12);
        // Symmetric in the pair, and equal temperatures or energies exchange freely.
        Assert.Equal(OneHotReplicaExchange.ExchangeProbability(1, 12, 2, 10), OneHotReplicaExchange.ExchangeProbability(2, 10, 1, 12), 12);
        Assert.Equal(1, OneHotReplicaExchange.ExchangeProbability(1.5, 3, 1.5, 40));
        Assert.Equal(1, OneHotReplicaExchange.ExchangeProbability(0.3, 5, 3, 5));
    }

    /// <summary>
    /// The rule keeps the joint Boltzmann weight in detailed balance: weight(before) × P(exchange) = weight(after) ×
    /// P(exchange back), for any pair of temperatures and energies.
    /// </summary>
    [Theory]
    [InlineData(2.0, 10.0, 1.0, 12.0)]
    [InlineData(0.4, 55.0, 0.9, 31.0)]
    [InlineData(3.0, 1.0, 0.2, 9.0)]
    public void The_exchange_rule_satisfies_detailed_balance(double coldBeta, double e1, double hotBeta, double e2)
    {
        var before = Math.Exp(-coldBeta * e1 - hotBeta * e2);
        var after = Math.Exp(-coldBeta * e2 - hotBeta * e1);
        var forward = OneHotReplicaExchange.ExchangeProbability(coldBeta, e1, hotBeta, e2);
        var backward = OneHotReplicaExchange.ExchangeProbability(coldBeta, e2, hotBeta, e1);
        Assert.Equal(before * forward, after * backward, 12);
    }

    [Fact]
    public void The_ladder_is_geometric_coldest_first_between_the_spans_around_the_hand_over_and_clamped_to_the_range()
    {
        var range = (Hot: 0.01, Cold: 10.0);
        var options = new ReplicaExchangeOptions { Replicas = 5, HotSpan = 0.2, ColdSpan = 0.1 };
        var ladder = OneHotReplicaExchange.Ladder(range, options, 0.6);
        Assert.Equal(5, ladder.Length);
        Assert.Equal(BetaSchedule.At(BetaScheduleKind.Geometric, 0.01, 10, 0.7), ladder[0], 12);
        Assert.Equal(BetaSchedule.At(BetaScheduleKind.Geometric, 0.01, 10, 0.4), ladder[^1], 12);
        for (var k = 1; k < ladder.Length; k++) Assert.Equal(ladder[1] / ladder[0], ladder[k] / ladder[k - 1], 12);

        var clamped = OneHotReplicaExchange.Ladder(range, options, 0.95);
        Assert.Equal(10, clamped[0], 12);
    }

    [Fact]
    public void The_ladder_is_used_only_when_every_replica_gets_its_minimum_of_the_sweeps_left()
    {
        var options = new ReplicaExchangeOptions { Replicas = 4, MinimumSweepsPerReplica = 1_000 };
        // 70 000 sweeps in 7 s of a 10 s budget: 30 000 left by time, 4 × 1 000 needed.
        Assert.True(OneHotReplicaExchange.LadderPays(options, 70_000, 1_000_000, 7, 10));
        // The same rate with 0.3 s left: 3 000 left.
        Assert.False(OneHotReplicaExchange.LadderPays(options, 70_000, 1_000_000, 7, 7.3));
        // Time to spare but the sweep count binds: 3 500 left.
        Assert.False(OneHotReplicaExchange.LadderPays(options, 70_000, 73_500, 0.1, 10));
        Assert.True(OneHotReplicaExchange.LadderPays(options with { MinimumSweepsPerReplica = 0 }, 70_000, 70_000, 10, 10));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_sample_carries_its_true_QUBO_energy_decodes_to_a_checked_assignment_and_the_seed_fixes_the_samples_on_any_thread_count(bool allowUnassigned)
    {
        var qubo = Formulate(21, tasks: 24, agents: 5, allowUnassigned);
        var options = new SimulatedAnnealingOptions { Reads = 4, Sweeps = 4_000, ReplicaExchange = Always };

        var one = Sample(qubo, options, 5, threads: 1);
        Assert.False(one.TimedOut);
        Assert.Equal(4, one.Samples.Count);
        foreach (var sample in one.Samples)
        {
            Assert.Equal(qubo.Model.Energy(sample.Bits), sample.Energy, 6);
            var check = FeasibilityChecker.Check(qubo.Instance, qubo.Decode(sample.Bits).AgentOfTask);
            Assert.True(check.IsFeasible, string.Join("; ", check.Violations));
        }
        var again = Sample(qubo, options, 5, threads: 1);
        var two = Sample(qubo, options, 5, threads: 2);
        Assert.Equal(one.Samples.Select(s => s.Bits), again.Samples.Select(s => s.Bits));
        Assert.Equal(one.Samples.Select(s => s.Bits), two.Samples.Select(s => s.Bits));
        Assert.Equal(one.Samples.Select(s => s.Energy), two.Samples.Select(s => s.Energy));
    }

    /// <summary>
    /// A read whose ladder is declined is the plain anneal, draw for draw (the same start and sweeps: one walk serves
    /// both), and a read whose ladder runs is not: the ladder's sweeps and exchanges take other draws. Without the quench,
    /// which would bring walks that differ only at the end to the same local minimum.
    /// </summary>
    [Fact]
    public void A_declined_ladder_leaves_the_plain_anneal_and_a_used_one_changes_the_walk()
    {
        var qubo = Formulate(22, tasks: 40, agents: 6);
        var plain = new SimulatedAnnealingOptions { Reads = 6, Sweeps = 600, Quench = false };
        var anneal = Sample(qubo, plain, 9, threads: 1);
        var declined = Sample(qubo, plain with { ReplicaExchange = Always with { MinimumSweepsPerReplica = 1_000_000 } }, 9, threads: 1);
        var tempered = Sample(qubo, plain with { ReplicaExchange = Always }, 9, threads: 1);

        Assert.Equal(anneal.Samples.Select(s => s.Bits), declined.Samples.Select(s => s.Bits));
        Assert.NotEqual(anneal.Samples.Select(s => s.Bits), tempered.Samples.Select(s => s.Bits));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void It_finds_the_brute_force_optimum_of_a_small_instance(int seed)
    {
        var qubo = Formulate(seed, tasks: 8, agents: 3);
        var optimum = QuboTestProblems.BruteForce(qubo.Instance)!.Value;
        var options = new SimulatedAnnealingOptions { Reads = 2, Sweeps = 8_000, Quench = false, ReplicaExchange = Always };

        var best = Sample(qubo, options, seed, threads: 1).Samples[0];
        var check = FeasibilityChecker.Check(qubo.Instance, qubo.Decode(best.Bits).AgentOfTask);

        Assert.True(check.IsFeasible);
        Assert.Equal(optimum.Check.PenalizedObjective, check.PenalizedObjective, 9);
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { ReplicaExchange = new() { Replicas = 1 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { ReplicaExchange = new() { HandOver = 1.5 } }));
        Assert.Throws<ArgumentException>(() => new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { ReplicaExchange = new() { HotSpan = 0, ColdSpan = 0 } }));
        Assert.Throws<ArgumentException>(() => new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { ReplicaExchange = new(), PenaltyRamp = new() }));
        Assert.Throws<ArgumentException>(() => new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { ReplicaExchange = new(), RejectionFreeBelow = 0.01 }));
    }
}

using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Tests.Quantum;

/// <summary>
/// The rejection-free cold walk (<see cref="OneHotRejectionFree"/>, <see cref="SimulatedAnnealingOptions.RejectionFreeBelow"/>):
/// its steps keep the QUBO's energy, weight moves by their acceptance, and the anneal that uses them returns the QUBO's
/// samples reproducibly.
/// </summary>
public class RejectionFreeTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(5);

    private static SchedulingQubo Formulate(int seed, int tasks, int agents, bool allowUnassigned = false) =>
        QuboTestProblems.FormulateGap(seed, tasks, agents, allowUnassigned);

    private static int[] RandomChoice(QuboAssignmentStructure structure, Random random) =>
        Enumerable.Range(0, structure.TaskCount).Select(t => structure.TaskVariables(t)[random.Next(structure.TaskVariables(t).Count)]).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_step_keeps_the_models_energy_and_stands_for_at_least_one_proposal(bool allowUnassigned)
    {
        var qubo = Formulate(41, tasks: 16, agents: 4, allowUnassigned);
        var structure = qubo.Structure;
        var state = new OneHotState(structure, RandomChoice(structure, new Random(41)));
        var walk = new OneHotRejectionFree(structure, structure.MovableTasks());
        var random = new Xoshiro256(41, 0);
        for (var step = 0; step < 300; step++)
        {
            var proposals = walk.Step(state, 0.2, ref random);
            Assert.True(proposals >= 1, $"step {step}: {proposals} proposals");
            Assert.Equal(qubo.Model.Energy(state.ToBits()), state.Energy, 6);
        }
    }

    /// <summary>At a β where every uphill move's acceptance is negligible, only moves that do not raise the energy are taken.</summary>
    [Fact]
    public void At_a_very_cold_beta_no_step_raises_the_energy()
    {
        var qubo = Formulate(42, tasks: 16, agents: 4);
        var structure = qubo.Structure;
        var random = new Random(42);
        var xoshiro = new Xoshiro256(42, 0);
        var walk = new OneHotRejectionFree(structure, structure.MovableTasks());
        var descended = false;
        for (var start = 0; start < 5; start++)
        {
            var state = new OneHotState(structure, RandomChoice(structure, random));
            var first = state.Energy;
            for (var step = 0; step < 50; step++)
            {
                var before = state.Energy;
                if (double.IsPositiveInfinity(walk.Step(state, 1e6, ref xoshiro))) break;
                Assert.True(state.Energy <= before + 1e-9, $"start {start}, step {step}: {before} → {state.Energy}");
            }
            descended |= state.Energy < first - 1e-9;
        }
        Assert.True(descended, "random starts have improving moves");
    }

    [Fact]
    public void Samples_carry_their_true_energy_decode_to_checked_assignments_and_the_seed_fixes_them_on_any_thread_count()
    {
        var qubo = Formulate(43, tasks: 24, agents: 5);
        // Rejection-free from the 17th sweep on (any acceptance is below 1).
        var options = new SimulatedAnnealingOptions { Reads = 4, Sweeps = 3_000, RejectionFreeBelow = 1 };
        QuboSampleSet Sample(SimulatedAnnealingOptions o, int threads) => new SimulatedAnnealingSampler(o)
            .Sample(qubo.Model, new QuboSampleRequest(3, Generous, threads, Structure: qubo.Structure), CancellationToken.None);

        var one = Sample(options, 1);
        Assert.Equal(4, one.Samples.Count);
        foreach (var sample in one.Samples)
        {
            Assert.Equal(qubo.Model.Energy(sample.Bits), sample.Energy, 6);
            var check = FeasibilityChecker.Check(qubo.Instance, qubo.Decode(sample.Bits).AgentOfTask);
            Assert.True(check.IsFeasible, string.Join("; ", check.Violations));
        }
        var two = Sample(options, 2);
        Assert.Equal(one.Samples.Select(s => s.Bits), two.Samples.Select(s => s.Bits));
        Assert.Equal(one.Samples.Select(s => s.Energy), two.Samples.Select(s => s.Energy));
    }

    [Theory]
    [InlineData(44)]
    [InlineData(45)]
    public void It_finds_the_brute_force_optimum_of_a_small_instance(int seed)
    {
        var qubo = Formulate(seed, tasks: 8, agents: 3);
        var optimum = QuboTestProblems.BruteForce(qubo.Instance)!.Value;
        var options = new SimulatedAnnealingOptions { Reads = 2, Sweeps = 4_000, Quench = false, RejectionFreeBelow = 0.05 };

        var best = new SimulatedAnnealingSampler(options)
            .Sample(qubo.Model, new QuboSampleRequest(seed, Generous, 1, Structure: qubo.Structure), CancellationToken.None).Samples[0];
        var check = FeasibilityChecker.Check(qubo.Instance, qubo.Decode(best.Bits).AgentOfTask);

        Assert.True(check.IsFeasible);
        Assert.Equal(optimum.Check.PenalizedObjective, check.PenalizedObjective, 9);
    }
}

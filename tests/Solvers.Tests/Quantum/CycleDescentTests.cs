using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Tests.Quantum;

public class CycleDescentTests
{
    /// <summary>The lowest exact change of any cyclic exchange of the state, by trying every ordered triple of tasks.</summary>
    private static double LowestCycleDelta(OneHotState state)
    {
        var lowest = double.PositiveInfinity;
        var tasks = state.Structure.TaskCount;
        for (var a = 0; a < tasks; a++)
            for (var b = 0; b < tasks; b++)
                for (var c = 0; c < tasks; c++)
                    if (OneHotProposals.CyclicTargets(state, a, b, c, out var move))
                        lowest = Math.Min(lowest, state.CycleDelta(move));
        return lowest;
    }

    [Theory]
    [InlineData(71, 30, 5, 0)]
    [InlineData(72, 36, 6, 0)]
    [InlineData(73, 48, 8, 2)]
    public void Passes_end_where_no_cyclic_exchange_improves_and_each_move_lowers_the_energy_exactly(int seed, int tasks, int agents, int skillGroups)
    {
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(QuboTestProblems.Gap(seed, tasks, agents, skillGroups: skillGroups)));
        var structure = qubo.Structure;
        var random = new Random(seed);
        var descent = new CycleDescent(structure);
        var (fitting, moves) = (0, 0);
        for (var round = 0; round < 12; round++)
        {
            var choice = Enumerable.Range(0, structure.TaskCount).Select(t => structure.TaskVariables(t)[random.Next(structure.TaskVariables(t).Count)]).ToArray();
            var state = new OneHotState(structure, choice);
            // A local minimum of the shifts, swaps and chains, as the anneal's quench leaves it before cyclic exchanges.
            OneHotQuench.Run(state, cyclicExchanges: false, long.MaxValue, CancellationToken.None);
            if (state.PenalizedAgents > 0) continue;
            fitting++;
            var before = state.Energy;
            int made;
            do
            {
                var energy = state.Energy;
                made = descent.Pass(state, long.MaxValue);
                moves += made;
                Assert.True(made == 0 ? state.Energy == energy : state.Energy < energy - 1e-9, $"a pass of {made} moves took the energy from {energy} to {state.Energy}");
            }
            while (made > 0);

            Assert.Equal(qubo.Model.Energy(state.ToBits()), state.Energy, 6);
            Assert.True(state.Energy <= before);
            Assert.Equal(0, state.PenalizedAgents);
            Assert.True(LowestCycleDelta(state) >= -1e-6, $"round {round}: a cyclic exchange still improves ({LowestCycleDelta(state)})");
        }
        Assert.True(fitting >= 6, $"only {fitting} of 12 quenched states fit");
        // Not vacuous: the pair quench leaves improving cyclic exchanges on these instances.
        Assert.True(moves > 0, "no cyclic exchange was ever made");
    }

    [Fact]
    public void A_pass_makes_nothing_where_an_agent_is_penalised_or_tasks_are_coupled()
    {
        var coupled = QuboFormulator.Formulate(ProblemInstance.Compile(QuboTestProblems.Gap(74, 20, 4, kind: ObjectiveKind.LoadBalance))).Structure;
        var quenched = new OneHotState(coupled, Enumerable.Range(0, coupled.TaskCount).Select(t => coupled.TaskVariables(t)[0]).ToArray());
        Assert.False(quenched.PricesCycles);
        Assert.Equal(0, new CycleDescent(coupled).Pass(quenched, long.MaxValue));

        var structure = QuboTestProblems.FormulateGap(75, 20, 4).Structure;
        // Every task on the first agent it may take: far over that agent's capacity.
        var overloaded = new OneHotState(structure, Enumerable.Range(0, structure.TaskCount).Select(t => structure.TaskVariables(t)[0]).ToArray());
        Assert.True(overloaded.PenalizedAgents > 0);
        var energy = overloaded.Energy;
        Assert.Equal(0, new CycleDescent(structure).Pass(overloaded, long.MaxValue));
        Assert.Equal(energy, overloaded.Energy);
    }

    [Fact]
    public void A_read_whose_time_binds_leaves_the_quench_its_share_and_ends_where_no_cyclic_exchange_improves()
    {
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(QuboTestProblems.Gap(76, 240, 8)));
        var structure = qubo.Structure;
        // Sweeps no read can finish in the time: the walk's clock, not its sweeps, ends it.
        var options = new SimulatedAnnealingOptions { Reads = 1, Sweeps = int.MaxValue, QuenchShare = 0.3 };
        var set = new SimulatedAnnealingSampler(options)
            .Sample(structure, new QuboSampleRequest(5, TimeSpan.FromSeconds(1.5), Structure: structure), CancellationToken.None);

        var sample = Assert.Single(set.Samples);
        var choice = Enumerable.Range(0, structure.TaskCount)
            .Select(t => structure.TaskVariables(t).FirstOrDefault(v => sample.Bits[v] != 0, -1)).ToArray();
        var state = new OneHotState(structure, choice);
        Assert.Equal(sample.Energy, state.Energy, 6);
        Assert.Equal(0, state.PenalizedAgents);
        Assert.True(LowestCycleDelta(state) >= -1e-6, "the sample still has an improving cyclic exchange: the quench had no time");
        Assert.Equal(0.1, new SimulatedAnnealingOptions().QuenchShare);
        Assert.Contains("QuenchShare", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedAnnealingSampler(options with { QuenchShare = 1 })).Message);
    }
}

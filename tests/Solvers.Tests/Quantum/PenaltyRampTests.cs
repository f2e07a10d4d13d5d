using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Tests.Quantum;

/// <summary>
/// The capacity-penalty schedule of the one-hot anneal (<see cref="PenaltyRampOptions"/>): its weights at the ends, that
/// the walk's energy is the QUBO's own once the ramp is full, that every returned sample carries its true QUBO energy,
/// reproducibility by seed, and that it lets a walk cross overloaded states that stop the feasible-only walk.
/// </summary>
public class PenaltyRampTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(5);

    private static SchedulingQubo Formulate(int seed, bool allowUnassigned = false, int tasks = 12, int agents = 4) =>
        QuboTestProblems.FormulateGap(seed, tasks, agents, allowUnassigned);

    private static int[] RandomChoice(QuboAssignmentStructure structure, Random random) =>
        Enumerable.Range(0, structure.TaskCount).Select(t =>
            structure.TaskVariables(t) is { Count: > 0 } own ? own[random.Next(own.Count)] : -1).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_weight_starts_at_the_objective_scale_grows_geometrically_and_is_the_models_from_FullAt_on(bool linear)
    {
        var structure = Formulate(11).Structure;
        var options = new PenaltyRampOptions { StartFactor = 2, FullAt = 0.6, LinearExcess = linear };
        var ramp = new PenaltyRamp(structure, options);

        // The start: StartFactor × the median task's spread ÷ mean load (squared for the QUBO's shape), recomputed here.
        var ratios = new List<double>();
        for (var t = 0; t < structure.TaskCount; t++)
        {
            var own = structure.TaskVariables(t);
            var costs = own.Select(v => structure.Residual.Linear[v]).ToArray();
            var load = own.Average(v => structure.UnitLoad[v]);
            if (costs.Max() > costs.Min()) ratios.Add((costs.Max() - costs.Min()) / (linear ? load : load * load));
        }
        ratios.Sort();
        Assert.Equal(2 * ratios[ratios.Count / 2], ramp.StartWeight, 9);

        for (var a = 0; a < structure.AgentCount; a++)
        {
            var model = structure.CapacityWeight(a);
            Assert.True(ramp.StartWeight < model, "the test instance's start weight is below the model's");
            Assert.Equal(ramp.StartWeight, ramp.Weight(a, 0), 9);
            Assert.Equal(Math.Sqrt(ramp.StartWeight * model), ramp.Weight(a, 0.3), 6);
            Assert.Equal(model, ramp.Weight(a, 0.6));
            Assert.Equal(model, ramp.Weight(a, 1));
            var previous = 0.0;
            for (var place = 0.0; place <= 1; place += 0.05)
            {
                var weight = ramp.Weight(a, place);
                Assert.True(weight >= previous && weight <= model);
                previous = weight;
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Once_the_ramp_is_full_the_walk_is_on_the_models_own_energy(bool linear)
    {
        var qubo = Formulate(12);
        var structure = qubo.Structure;
        var random = new Random(12);
        var ramp = new PenaltyRamp(structure, new PenaltyRampOptions { FullAt = 0.7, LinearExcess = linear });
        var state = new OneHotState(structure, RandomChoice(structure, random), linearSearchPenalty: linear);
        var movable = structure.MovableTasks();
        var sawOverloadPricedLower = false;
        for (var step = 0; step < 400; step++)
        {
            var place = step / 400.0;
            ramp.Apply(state, place);
            Assert.Equal(place >= 0.7, ramp.IsFull);
            var task = movable[random.Next(movable.Length)];
            var own = structure.TaskVariables(task);
            state.Shift(task, own[random.Next(own.Count)]);

            var model = qubo.Model.Energy(state.ToBits());
            Assert.Equal(model, state.ModelEnergy, 6);
            Assert.Equal(state.PenalizedAgents, Enumerable.Range(0, structure.AgentCount).Count(state.IsPenalized));
            if (ramp.IsFull) Assert.Equal(model, state.Energy, 6);
            else if (state.PenalizedAgents > 0 && state.Energy < model - 1e-6) sawOverloadPricedLower = true;
        }
        Assert.True(sawOverloadPricedLower, "before the ramp is full, overloads cost less than in the QUBO");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_sample_carries_its_true_QUBO_energy_and_the_seed_fixes_the_samples_on_any_thread_count(bool linear)
    {
        var qubo = Formulate(13, tasks: 20, agents: 5);
        var options = new SimulatedAnnealingOptions { Reads = 4, Sweeps = 300, PenaltyRamp = new PenaltyRampOptions { LinearExcess = linear } };
        QuboSampleSet Sample(int threads) => new SimulatedAnnealingSampler(options)
            .Sample(qubo.Model, new QuboSampleRequest(7, Generous, threads, Structure: qubo.Structure), CancellationToken.None);

        var one = Sample(1);
        Assert.False(one.TimedOut);
        Assert.Equal(4, one.Samples.Count);
        foreach (var sample in one.Samples)
        {
            Assert.Equal(qubo.Model.Energy(sample.Bits), sample.Energy, 6);
            var check = FeasibilityChecker.Check(qubo.Instance, qubo.Decode(sample.Bits).AgentOfTask);
            Assert.True(check.IsFeasible, "the ramp ends on the model's weights, so reads end on assignments that fit");
        }
        var again = Sample(1);
        var two = Sample(2);
        Assert.Equal(one.Samples.Select(s => s.Bits), again.Samples.Select(s => s.Bits));
        Assert.Equal(one.Samples.Select(s => s.Bits), two.Samples.Select(s => s.Bits));
        Assert.Equal(one.Samples.Select(s => s.Energy), two.Samples.Select(s => s.Energy));
    }

    /// <summary>
    /// Two tasks that each fill an agent: every shift from one fitting assignment to the other overloads an agent by a
    /// whole task, which the QUBO prices far above the objective, so a shift-only walk at the model's weights never
    /// leaves the dear assignment it starts in; with the ramp, the early walk crosses the overloaded states.
    /// </summary>
    [Fact]
    public void The_ramp_crosses_overloaded_states_where_the_feasible_only_walk_is_stuck()
    {
        var agents = new[] { new Agent { Id = "A0", Capacity = 10 }, new Agent { Id = "A1", Capacity = 10 } };
        var tasks = new[] { new SchedulingTask { Id = "T0" }, new SchedulingTask { Id = "T1" } };
        var problem = new SchedulingProblem
        {
            Name = "stuck",
            Agents = agents,
            Tasks = tasks,
            Overrides =
            [
                new TaskAgentOverride { TaskId = "T0", AgentId = "A0", Cost = 5, Load = 10 },
                new TaskAgentOverride { TaskId = "T0", AgentId = "A1", Cost = 0, Load = 10 },
                new TaskAgentOverride { TaskId = "T1", AgentId = "A0", Cost = 0, Load = 10 },
                new TaskAgentOverride { TaskId = "T1", AgentId = "A1", Cost = 5, Load = 10 },
            ],
            Objective = new Objective { Kind = ObjectiveKind.TotalCost, Sense = ObjectiveSense.Minimize },
        };
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(problem));
        var structure = qubo.Structure;
        var dear = structure.ToBits([structure.VariableAt(0, 0), structure.VariableAt(1, 1)]);
        var cheap = structure.ToBits([structure.VariableAt(0, 1), structure.VariableAt(1, 0)]);
        Assert.True(qubo.Model.Energy(cheap) < qubo.Model.Energy(dear));

        QuboSampleSet Sample(PenaltyRampOptions? ramp) => new SimulatedAnnealingSampler(new SimulatedAnnealingOptions
        {
            Reads = 4, Sweeps = 200, SwapProbability = 0, CycleProbability = 0, Quench = false, ReverseAnnealingStart = 0, PenaltyRamp = ramp,
        }).Sample(qubo.Model, new QuboSampleRequest(3, Generous, InitialStates: [dear, dear, dear, dear], Structure: structure), CancellationToken.None);

        var stuck = Sample(null);
        Assert.All(stuck.Samples, s => Assert.Equal(dear, s.Bits));

        var crossed = Sample(new PenaltyRampOptions());
        Assert.Equal(cheap, crossed.Samples[0].Bits);
        Assert.Equal(qubo.Model.Energy(cheap), crossed.Samples[0].Energy, 9);
    }

    [Fact]
    public void Invalid_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { PenaltyRamp = new PenaltyRampOptions { FullAt = 0 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { PenaltyRamp = new PenaltyRampOptions { StartFactor = -1 } }));
        Assert.Null(new SimulatedAnnealingOptions().PenaltyRamp);
        Assert.Null(new AnnealingBackendOptions().SimulatedAnnealing.PenaltyRamp);
    }
}

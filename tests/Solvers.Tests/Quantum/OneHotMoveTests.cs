using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Hybrid;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Tests.Quantum;

/// <summary>
/// The one-hot moves price the model's own QUBO: every predicted energy change must equal the change of
/// <see cref="QuboModel.Energy"/> recomputed from the full bitstring (slack at its optimum).
/// </summary>
public class OneHotMoveTests
{
    public static TheoryData<int, bool, bool, ObjectiveKind> Problems => new()
    {
        { 1, false, false, ObjectiveKind.TotalCost },
        { 2, true, false, ObjectiveKind.TotalCost },
        { 3, false, true, ObjectiveKind.TotalCost },
        { 4, false, false, ObjectiveKind.LoadBalance },
        { 5, true, true, ObjectiveKind.WeightedMix },
    };

    private static SchedulingQubo Formulate(int seed, bool allowUnassigned, bool pin, ObjectiveKind kind) =>
        QuboFormulator.Formulate(ProblemInstance.Compile(QuboTestProblems.Gap(seed, 7, 4, allowUnassigned, pin, kind: kind)));

    private static int[] RandomChoice(QuboAssignmentStructure structure, Random random) =>
        Enumerable.Range(0, structure.TaskCount).Select(t =>
        {
            var own = structure.TaskVariables(t);
            var pick = random.Next(own.Count + (structure.ExactlyOne ? 0 : 1));
            return own.Count == 0 || pick == own.Count ? -1 : own[pick];
        }).ToArray();

    [Theory]
    [MemberData(nameof(Problems))]
    public void The_model_is_the_residual_plus_the_capacity_penalties_and_the_optimal_slack_is_the_minimum(int seed, bool allowUnassigned, bool pin, ObjectiveKind kind)
    {
        var qubo = Formulate(seed, allowUnassigned, pin, kind);
        var structure = qubo.Structure;
        var random = new Random(seed);
        for (var sample = 0; sample < 50; sample++)
        {
            var choice = RandomChoice(structure, random);
            var bits = structure.ToBits(choice);
            var state = new OneHotState(structure, choice);
            Assert.Equal(qubo.Model.Energy(bits), state.Energy, 6);
            Assert.Equal(state.Energy, state.ModelEnergy, 6);

            // Any other slack value of any agent costs at least as much.
            for (var a = 0; a < structure.AgentCount; a++)
            {
                if (structure.Capacity(a) is not { } encoding) continue;
                var other = (byte[])bits.Clone();
                encoding.WriteSlack(random.Next(encoding.SlackLimit + 1), other);
                Assert.True(qubo.Model.Energy(other) >= state.Energy - 1e-6);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Shift_and_swap_deltas_equal_the_recomputed_QUBO_energy(int seed, bool allowUnassigned, bool pin, ObjectiveKind kind)
    {
        var qubo = Formulate(seed, allowUnassigned, pin, kind);
        var structure = qubo.Structure;
        var random = new Random(seed);
        var state = new OneHotState(structure, RandomChoice(structure, random));
        var (shifts, swaps) = (0, 0);
        for (var step = 0; step < 400; step++)
        {
            var before = qubo.Model.Energy(state.ToBits());
            var task = random.Next(structure.TaskCount);
            double predicted;
            if (step % 2 == 0)
            {
                var own = structure.TaskVariables(task);
                if (own.Count == 0) continue;
                var to = random.Next(own.Count + 1) is var p && p < own.Count ? own[p] : (structure.ExactlyOne ? own[0] : -1);
                predicted = state.ShiftDelta(task, to);
                state.Shift(task, to);
                shifts++;
            }
            else
            {
                if (!state.TrySwapTargets(task, random.Next(structure.TaskCount), out var taskTo, out var otherTo)) continue;
                var other = structure.TaskOfVariable[otherTo];
                predicted = state.SwapDelta(task, other, taskTo, otherTo);
                state.Swap(task, other, taskTo, otherTo);
                swaps++;
            }
            var after = qubo.Model.Energy(state.ToBits());
            Assert.Equal(after - before, predicted, 6);
            Assert.Equal(after, state.Energy, 6);
        }
        Assert.True(shifts > 50 && swaps > 10, $"too few moves tried: {shifts} shifts, {swaps} swaps");
    }

    [Fact]
    public void Changed_capacity_weights_move_the_search_energy_but_not_the_model_energy()
    {
        var qubo = Formulate(6, false, false, ObjectiveKind.TotalCost);
        var structure = qubo.Structure;
        var random = new Random(6);
        // Everything on one agent overloads it.
        var crowded = Enumerable.Range(0, structure.TaskCount).Select(t => structure.VariableAt(t, 0) is var v and >= 0 ? v : structure.TaskVariables(t)[0]).ToArray();
        var state = new OneHotState(structure, crowded);
        for (var a = 0; a < structure.AgentCount; a++) state.SetCapacityWeight(a, 0.01 * structure.CapacityWeight(a));
        Assert.True(state.IsPenalized(0));
        Assert.True(state.Energy < state.ModelEnergy);
        for (var step = 0; step < 100; step++)
        {
            var task = random.Next(structure.TaskCount);
            var own = structure.TaskVariables(task);
            var to = own[random.Next(own.Count)];
            var predicted = state.ShiftDelta(task, to);
            var before = state.Energy;
            state.Shift(task, to);
            Assert.Equal(before + predicted, state.Energy, 6);
            Assert.Equal(qubo.Model.Energy(state.ToBits()), state.ModelEnergy, 6);
        }
    }

    [Fact]
    public void A_linear_search_penalty_prices_the_excess_and_leaves_the_model_energy_alone()
    {
        var qubo = Formulate(10, false, false, ObjectiveKind.TotalCost);
        var structure = qubo.Structure;
        var random = new Random(10);
        var crowded = Enumerable.Range(0, structure.TaskCount).Select(t => structure.VariableAt(t, 0) is var v and >= 0 ? v : structure.TaskVariables(t)[0]).ToArray();
        var state = new OneHotState(structure, crowded, linearSearchPenalty: true);
        var (overloaded, feasible) = (0, 0);
        for (var step = 0; step < 200; step++)
        {
            // The search energy is the residual plus weight × excess (in capacity units) per agent.
            var expected = state.ResidualEnergy;
            var load = new double[structure.AgentCount];
            foreach (var v in state.VariableOfTask.Where(v => v >= 0)) load[structure.AgentOfVariable[v]] += structure.UnitLoad[v];
            for (var a = 0; a < structure.AgentCount; a++)
                if (structure.Capacity(a) is { } encoding)
                    expected += structure.CapacityWeight(a) * Math.Max(0, load[a] - encoding.Capacity / encoding.Unit);
            Assert.Equal(expected, state.Energy, 6);
            Assert.Equal(qubo.Model.Energy(state.ToBits()), state.ModelEnergy, 6);
            if (Enumerable.Range(0, structure.AgentCount).Any(state.IsPenalized)) overloaded++;
            else
            {
                feasible++;
                Assert.Equal(state.ModelEnergy, state.Energy, 6);
            }

            var task = random.Next(structure.TaskCount);
            var own = structure.TaskVariables(task);
            var to = own[random.Next(own.Count)];
            var before = state.Energy;
            var predicted = state.ShiftDelta(task, to);
            state.Shift(task, to);
            Assert.Equal(before + predicted, state.Energy, 6);
        }
        Assert.True(overloaded > 0 && feasible > 0, $"{overloaded} overloaded and {feasible} feasible points visited");
    }

    [Fact]
    public void A_window_subproblem_prices_its_answers_exactly_as_the_full_model()
    {
        var qubo = Formulate(7, false, false, ObjectiveKind.TotalCost);
        var structure = qubo.Structure;
        var random = new Random(7);
        var state = new OneHotState(structure, RandomChoice(structure, random));
        var decomposer = new OneHotDecomposer(structure);
        var order = decomposer.ImpactOrder(state);
        var window = order.Select(seed => decomposer.Build(state, seed, order, 40)).First(w => w is not null)!;
        var (sub, current) = decomposer.Subproblem(state, window);
        var fullBits = state.ToBits();
        for (var p = 0; p < current.Length; p++) Assert.Equal(fullBits[window.Variables[p]], current[p]);

        for (var sample = 0; sample < 200; sample++)
        {
            var answer = Enumerable.Range(0, current.Length).Select(_ => (byte)random.Next(2)).ToArray();
            var merged = (byte[])fullBits.Clone();
            for (var p = 0; p < answer.Length; p++) merged[window.Variables[p]] = answer[p];
            Assert.Equal(qubo.Model.Energy(merged) - qubo.Model.Energy(fullBits), sub.Energy(answer) - sub.Energy(current), 6);
        }
    }

    [Fact]
    public void A_window_merge_keeps_the_state_exact_and_never_raises_the_energy()
    {
        var qubo = Formulate(8, false, false, ObjectiveKind.TotalCost);
        var structure = qubo.Structure;
        var random = new Random(8);
        var state = new OneHotState(structure, RandomChoice(structure, random));
        var decomposer = new OneHotDecomposer(structure);
        var solver = new AnnealingSubproblemSolver();
        var merged = 0;
        for (var round = 0; round < 20; round++)
        {
            var order = decomposer.ImpactOrder(state);
            if (decomposer.Build(state, order[round % order.Length], order, 30) is not { } window) continue;
            var (sub, current) = decomposer.Subproblem(state, window);
            var before = state.Energy;
            var delta = decomposer.Merge(state, window, solver.Solve(sub, current, round, null, CancellationToken.None));
            Assert.True(delta <= 0);
            Assert.Equal(before + delta, state.Energy, 6);
            Assert.Equal(qubo.Model.Energy(state.ToBits()), state.Energy, 6);
            if (delta < 0) merged++;
        }
        Assert.True(merged > 0, "no window answer was ever merged");
    }

    public static TheoryData<string> OneHotSamplers => ["sa", "hybrid"];

    private static IQuboSampler Create(string name) => name == "sa"
        ? new SimulatedAnnealingSampler(new SimulatedAnnealingOptions { Reads = 4, Sweeps = 200 })
        : new HybridQuboSampler(new HybridSamplerOptions { Reads = 2, SubproblemSize = 30 }, new AnnealingSubproblemSolver());

    [Theory]
    [MemberData(nameof(OneHotSamplers))]
    public void One_hot_samplers_are_seeded_reproducible_and_report_the_model_energy(string name)
    {
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(QuboTestProblems.Gap(9, 12, 4)));
        var request = (int threads) => new QuboSampleRequest(11, TimeSpan.FromMinutes(5), threads, Structure: qubo.Structure);
        var one = Create(name).Sample(qubo.Model, request(1), CancellationToken.None);
        var two = Create(name).Sample(qubo.Model, request(2), CancellationToken.None);

        Assert.Equal(one.Samples.Select(s => s.Bits), two.Samples.Select(s => s.Bits));
        Assert.All(one.Samples, s => Assert.Equal(qubo.Model.Energy(s.Bits), s.Energy, 6));
        // One-hot moves never leave the subspace: every sample decodes to one agent per task.
        Assert.All(one.Samples, s => Assert.Empty(qubo.Decode(s.Bits).MultiAssignedTasks));
        Assert.All(one.Samples, s => Assert.DoesNotContain(-1, qubo.Decode(s.Bits).AgentOfTask));
    }

    [Fact]
    public void Structure_of_another_model_is_refused()
    {
        var small = QuboFormulator.Formulate(ProblemInstance.Compile(QuboTestProblems.Gap(1, 5, 3)));
        var large = QuboFormulator.Formulate(ProblemInstance.Compile(QuboTestProblems.Gap(1, 9, 3)));
        var sampler = Create("sa");
        var error = Assert.Throws<ArgumentException>(() =>
            sampler.Sample(large.Model, new QuboSampleRequest(1, TimeSpan.FromSeconds(5), Structure: small.Structure), CancellationToken.None));
        Assert.Contains("structure", error.Message);
    }
}

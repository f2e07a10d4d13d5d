using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Tests.Quantum;

/// <summary>
/// The swaps and ejection chains of <see cref="PairNeighbourhood"/> are priced from per-step tables; every price
/// must equal the energy change recomputed from the full bitstring — with the model's capacity weights (the
/// model's QUBO energy), with the re-weighted capacities strategic oscillation searches with, and with the linear
/// search penalty (whose model energy must stay the QUBO's).
/// </summary>
public class PairNeighbourhoodTests
{
    public static TheoryData<int, bool, ObjectiveKind, bool, bool> Problems => new()
    {
        { 21, false, ObjectiveKind.TotalCost, false, false },
        { 22, true, ObjectiveKind.TotalCost, false, false },
        { 23, false, ObjectiveKind.TotalCost, true, false },
        { 24, false, ObjectiveKind.LoadBalance, false, false },
        { 25, true, ObjectiveKind.WeightedMix, true, false },
        { 27, false, ObjectiveKind.TotalCost, true, true },
        { 28, true, ObjectiveKind.LoadBalance, false, true },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Every_swap_and_chain_is_priced_as_the_recomputed_energy(int seed, bool allowUnassigned, ObjectiveKind kind, bool reweighted, bool linear)
    {
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(QuboTestProblems.Gap(seed, 9, 4, allowUnassigned, kind: kind)));
        var structure = qubo.Structure;
        var random = new Random(seed);
        var xoshiro = new Xoshiro256(seed, 0);
        var movable = structure.MovableTasks();
        var neighbourhood = new PairNeighbourhood(structure);
        var (swaps, chains) = (0, 0);
        for (var round = 0; round < 10; round++)
        {
            var state = new OneHotState(structure, RandomChoice(structure, random), linear);
            if (reweighted)
                for (var a = 0; a < structure.AgentCount; a++) state.SetCapacityWeight(a, structure.CapacityWeight(a) * random.NextDouble());
            neighbourhood.Refresh(state, movable, 1, ref xoshiro);
            var sink = new Recorder();
            neighbourhood.Explore(state, ref sink);
            foreach (var (first, firstTo, second, secondTo, delta) in sink.Moves)
            {
                var (backFirst, backSecond) = (state.VariableOfTask[first], state.VariableOfTask[second]);
                var (before, modelBefore) = (state.Energy, qubo.Model.Energy(state.ToBits()));
                Assert.Equal(state.PairDelta(first, firstTo, second, secondTo), delta, 6);
                state.PairMove(first, firstTo, second, secondTo);
                Assert.Equal(before + delta, state.Energy, 6);
                Assert.Equal(qubo.Model.Energy(state.ToBits()), state.ModelEnergy, 6);
                if (!reweighted && !linear) Assert.Equal(modelBefore + delta, qubo.Model.Energy(state.ToBits()), 6);
                var isSwap = structure.AgentOfVariable[secondTo] == structure.AgentOfVariable[backFirst];
                if (isSwap) swaps++;
                else chains++;
                state.PairMove(first, backFirst, second, backSecond);
            }
        }
        Assert.True(swaps > 20 && chains > 20, $"too few moves offered: {swaps} swaps, {chains} chains");
    }

    [Fact]
    public void A_drawn_share_starts_fewer_moves_and_the_same_seed_draws_the_same_ones()
    {
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(QuboTestProblems.Gap(26, 30, 4)));
        var structure = qubo.Structure;
        var state = new OneHotState(structure, RandomChoice(structure, new Random(26)));
        IReadOnlyList<(int, int, int, int, double)> Draw(double share, int seed)
        {
            var random = new Xoshiro256(seed, 0);
            var neighbourhood = new PairNeighbourhood(structure);
            neighbourhood.Refresh(state, structure.MovableTasks(), share, ref random);
            var sink = new Recorder();
            neighbourhood.Explore(state, ref sink);
            return sink.Moves;
        }
        var all = Draw(1, 1);
        var some = Draw(0.2, 1);
        Assert.InRange(some.Count, 1, all.Count / 2);
        Assert.Equal(some, Draw(0.2, 1));
        Assert.All(some, m => Assert.Contains(m, all));
    }

    private static int[] RandomChoice(QuboAssignmentStructure structure, Random random) =>
        Enumerable.Range(0, structure.TaskCount).Select(t =>
        {
            var own = structure.TaskVariables(t);
            var pick = random.Next(own.Count + (structure.ExactlyOne ? 0 : 1));
            return own.Count == 0 || pick == own.Count ? -1 : own[pick];
        }).ToArray();

    /// <summary>Takes every move (no pruning).</summary>
    private struct Recorder() : IPairMoveSink
    {
        public List<(int, int, int, int, double)> Moves { get; } = [];

        public readonly double Bound => double.PositiveInfinity;

        public readonly void Offer(int first, int firstTo, int second, int secondTo, double delta) => Moves.Add((first, firstTo, second, secondTo, delta));
    }
}

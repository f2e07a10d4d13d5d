using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Quantum.Qubo.Moves;

namespace QuantumScheduler.Solvers.Tests.Quantum;

public class OneHotQuenchTests
{
    [Theory]
    [InlineData(31, ObjectiveKind.TotalCost)]
    [InlineData(32, ObjectiveKind.LoadBalance)]
    public void The_quench_never_raises_the_energy_and_ends_where_no_shift_swap_or_chain_improves(int seed, ObjectiveKind kind)
    {
        var qubo = QuboFormulator.Formulate(ProblemInstance.Compile(QuboTestProblems.Gap(seed, 12, 4, kind: kind)));
        var structure = qubo.Structure;
        var random = new Random(seed);
        for (var round = 0; round < 5; round++)
        {
            var choice = Enumerable.Range(0, structure.TaskCount).Select(t => structure.TaskVariables(t)[random.Next(structure.TaskVariables(t).Count)]).ToArray();
            var state = new OneHotState(structure, choice);
            var before = state.Energy;

            OneHotQuench.Run(state, cyclicExchanges: false, long.MaxValue, CancellationToken.None);

            Assert.True(state.Energy <= before + 1e-9);
            Assert.Equal(qubo.Model.Energy(state.ToBits()), state.Energy, 6);
            foreach (var t in structure.MovableTasks())
                foreach (var v in structure.TaskVariables(t))
                    Assert.True(state.ShiftDelta(t, v) >= -1e-6, $"shift of task {t} still improves");
            var xoshiro = new Xoshiro256(seed, round);
            var neighbourhood = new PairNeighbourhood(structure);
            neighbourhood.Refresh(state, structure.MovableTasks(), 1, ref xoshiro);
            var sink = new Lowest();
            neighbourhood.Explore(state, ref sink);
            Assert.True(sink.Bound >= -1e-6, "a pair move still improves");
        }
    }

    private struct Lowest() : IPairMoveSink
    {
        public double Bound { get; private set; } = 0;

        public void Offer(int first, int firstTo, int second, int secondTo, double delta) => Bound = Math.Min(Bound, delta);
    }
}

using QuantumScheduler.Solvers.Backends.Tabu;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.Backends.Tabu;

/// <summary>The O(1) move evaluations must equal the change of cost + penalty recomputed from scratch.</summary>
public sealed class MoveEvaluationTests
{
    public static TheoryData<string> Neighbourhoods => new() { "shift", "swap", "chain" };

    [Theory]
    [MemberData(nameof(Neighbourhoods))]
    public void Best_move_delta_equals_recomputed_change(string neighbourhood)
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var problem = GapProblems.Create(seed, agents: 2 + seed % 4, tasks: 6 + seed % 9, tightness: 0.7) with
            {
                Constraints = new ConstraintSettings { AllowUnassigned = seed % 3 == 0, UnassignedPenalty = 40 },
            };
            var model = AssignmentModel.Create(ProblemInstance.Compile(problem));
            var random = new Random(seed);
            var options = new TabuSearchOptions();
            var state = new SearchState(model);
            state.Load(Enumerable.Range(0, model.TaskCount).Select(t => model.EligibleSlots[t][random.Next(model.EligibleSlots[t].Length)]).ToArray());
            var tabu = new TabuList(model, options);
            var penalty = new CapacityPenalty(model, options);
            for (var s = 0; s < model.SlotCount; s++) penalty.Weight[s] = 0.5 + random.NextDouble() * 3;
            penalty.Refresh(state);
            var selector = new MoveSelector(model, state, tabu, random);
            selector.Reset(0, double.PositiveInfinity);
            var sample = new CandidateSample(model, long.MaxValue);
            _ = neighbourhood switch
            {
                "shift" => ShiftNeighbourhood.Explore(model, state, penalty, selector),
                "swap" => new SwapNeighbourhood(model).Explore(state, penalty, selector, sample),
                _ => new EjectionChainNeighbourhood(model, tabu).Explore(state, penalty, selector, sample, 0),
            };
            if (selector.Best.Kind == MoveKind.None) continue;

            var before = Penalised(model, state, penalty);
            state.Apply(selector.Best);
            Assert.Equal(before + selector.BestDelta, Penalised(model, state, penalty), 6);
        }
    }

    private static double Penalised(AssignmentModel model, SearchState state, CapacityPenalty penalty)
    {
        var fresh = new SearchState(model);
        fresh.Load(state.SlotOf);
        return fresh.Cost + Enumerable.Range(0, model.SlotCount).Sum(s => penalty.At(s, fresh.SlotLoad[s]));
    }
}

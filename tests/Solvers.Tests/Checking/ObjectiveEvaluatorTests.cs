using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.Checking;

public sealed class ObjectiveEvaluatorTests
{
    [Fact]
    public void Evaluator_agrees_with_the_checker_on_random_problems()
    {
        var feasibleSeen = 0;
        for (var seed = 0; seed < 500; seed++)
        {
            var instance = ProblemInstance.Compile(RandomProblems.Create(seed));
            var evaluator = new ObjectiveEvaluator(instance);
            var random = new Random(seed);
            for (var sample = 0; sample < 5; sample++)
            {
                var assignment = RandomProblems.Assignment(instance, random);
                var checkedResult = FeasibilityChecker.Check(instance, assignment);
                var evaluation = evaluator.Evaluate(assignment);

                var context = $"seed {seed}, sample {sample}, assignment [{string.Join(",", assignment)}]";
                Assert.True(Close(checkedResult.Objective, evaluation.Objective), $"objective {checkedResult.Objective} vs {evaluation.Objective}, {context}");
                Assert.True(Close(checkedResult.PenalizedObjective, evaluation.PenalizedObjective), $"penalized {checkedResult.PenalizedObjective} vs {evaluation.PenalizedObjective}, {context}");
                Assert.True(Close(-checkedResult.SoftScore, evaluation.SoftPenalty), $"soft {checkedResult.SoftScore} vs {evaluation.SoftPenalty}, {context}");
                Assert.True(Close(-checkedResult.HardScore, evaluation.HardViolation), $"hard {checkedResult.HardScore} vs {evaluation.HardViolation}, {context}");
                Assert.Equal(checkedResult.IsFeasible, evaluation.IsFeasible);
                Assert.True(Close(checkedResult.Terms.TotalCost, evaluation.Terms.TotalCost), context);
                Assert.True(Close(checkedResult.Terms.LoadBalance, evaluation.Terms.LoadBalance), context);
                if (evaluator.EvaluatesTimes)
                {
                    Assert.True(Close(checkedResult.Terms.Makespan, evaluation.Terms.Makespan), context);
                    Assert.True(Close(checkedResult.Terms.WeightedTardiness, evaluation.Terms.WeightedTardiness), context);
                }
                if (evaluation.IsFeasible) feasibleSeen++;
            }
        }
        Assert.True(feasibleSeen > 50, $"only {feasibleSeen} feasible samples: the generator no longer covers feasible schedules");
    }

    [Fact]
    public void A_pure_assignment_problem_is_evaluated_without_building_a_schedule()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Capacity = 3 }, new Agent { Id = "b", Capacity = 3 }],
            Tasks = [new SchedulingTask { Id = "x", Duration = 2 }, new SchedulingTask { Id = "y", Duration = 2 }],
            Overrides = [new TaskAgentOverride { TaskId = "x", AgentId = "b", Cost = 9 }],
        };
        var evaluator = new ObjectiveEvaluator(ProblemInstance.Compile(problem));

        var together = evaluator.Evaluate([0, 0]);
        var apart = evaluator.Evaluate([1, 0]);

        Assert.False(evaluator.EvaluatesTimes);
        Assert.Equal(1, together.HardViolation); // load 4 over capacity 3
        Assert.True(apart.IsFeasible);
        Assert.Equal(9, apart.Objective);
        Assert.True(double.IsNaN(apart.Terms.Makespan));
    }

    private static bool Close(double expected, double actual) =>
        expected.Equals(actual) || Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected));
}

using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Qubo.Repair;

namespace QuantumScheduler.Solvers.Tests.Quantum;

public class SampleRefinerTests
{
    [Theory]
    [InlineData(51)]
    [InlineData(52)]
    [InlineData(53)]
    public void Repair_turns_an_empty_or_overloaded_sample_into_a_feasible_assignment(int seed)
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(seed, 6, 3, pin: true));
        var nothing = Enumerable.Repeat(-1, instance.TaskCount).ToArray();
        var overloaded = Enumerable.Range(0, instance.TaskCount).Select(t => instance.PinnedAgent[t] >= 0 ? instance.PinnedAgent[t] : instance.EligibleAgents[t][^1]).ToArray();

        foreach (var sample in new[] { nothing, overloaded })
        {
            var repaired = SampleRefiner.Refine(instance, sample, polishPasses: 0, TimeSpan.FromMinutes(1));
            var check = FeasibilityChecker.Check(instance, repaired);
            Assert.True(check.IsFeasible, $"feasible exists: {QuboTestProblems.BruteForce(instance) is not null}; {string.Join("; ", check.Violations)}; sample {string.Join(",", sample)} -> {string.Join(",", repaired)}");
        }
    }

    [Fact]
    public void Polish_never_makes_a_feasible_assignment_worse_or_infeasible()
    {
        var instance = ProblemInstance.Compile(QuboTestProblems.Gap(54, 7, 3));
        var start = SampleRefiner.Refine(instance, Enumerable.Repeat(-1, instance.TaskCount).ToArray(), 0, TimeSpan.FromMinutes(1));
        var polished = SampleRefiner.Refine(instance, start, polishPasses: 50, TimeSpan.FromMinutes(1));

        var before = FeasibilityChecker.Check(instance, start);
        var after = FeasibilityChecker.Check(instance, polished);
        Assert.True(after.IsFeasible);
        Assert.True(after.PenalizedObjective <= before.PenalizedObjective);
    }
}

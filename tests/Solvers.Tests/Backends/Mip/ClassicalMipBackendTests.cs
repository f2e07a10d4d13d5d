using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Mip;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.Backends.Mip;

[Collection(CbcCollection.Name)]
public sealed class ClassicalMipBackendTests
{
    private static readonly SolveOptions Quick = new() { TimeLimit = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(ObjectiveSense.Minimize)]
    [InlineData(ObjectiveSense.Maximize)]
    public async Task Small_gap_is_solved_to_the_brute_force_optimum_in_either_sense(ObjectiveSense sense)
    {
        var instance = ProblemInstance.Compile(MipProblems.SmallGap(sense));

        var result = await new ClassicalMipBackend().SolveAsync(instance, Quick, null, CancellationToken.None);

        Assert.Equal(TerminationReason.Optimal, result.Termination);
        var optimum = BruteForce.Optimum(instance);
        Assert.NotNull(optimum);
        var check = FeasibilityChecker.Check(instance, result.AgentOfTask);
        Assert.True(check.IsFeasible, string.Join("; ", check.Violations));
        Assert.Equal(optimum.Value, check.Objective, 6);
        Assert.Equal(optimum.Value, result.Bound!.Value, 6);
    }

    [Fact]
    public async Task Min_and_max_sense_reach_different_optima_on_the_same_matrix()
    {
        var backend = new ClassicalMipBackend();
        var min = await backend.SolveAsync(ProblemInstance.Compile(MipProblems.SmallGap(ObjectiveSense.Minimize)), Quick, null, CancellationToken.None);
        var max = await backend.SolveAsync(ProblemInstance.Compile(MipProblems.SmallGap(ObjectiveSense.Maximize)), Quick, null, CancellationToken.None);

        Assert.True(max.Bound > min.Bound, $"max {max.Bound} should exceed min {min.Bound}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Random_supported_problems_match_brute_force(int seed)
    {
        var instance = ProblemInstance.Compile(MipProblems.RandomSupported(seed));

        var result = await new ClassicalMipBackend().SolveAsync(instance, Quick, null, CancellationToken.None);

        var optimum = BruteForce.Optimum(instance);
        if (optimum is null)
        {
            Assert.Equal(TerminationReason.Infeasible, result.Termination);
            return;
        }
        Assert.Equal(TerminationReason.Optimal, result.Termination);
        var evaluation = new ObjectiveEvaluator(instance).Evaluate(result.AgentOfTask);
        Assert.True(evaluation.IsFeasible, $"hard violation {evaluation.HardViolation}");
        Assert.Equal(optimum.Value, evaluation.PenalizedObjective, 6);
        Assert.Equal(optimum.Value, result.Bound!.Value, 4);
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Fact]
    public async Task Or_library_gap1_1_is_proven_optimal_at_its_published_value()
    {
        var instance = MipProblems.FromGapFile("orlib/gap1.txt", ObjectiveSense.Maximize);

        var result = await new ClassicalMipBackend().SolveAsync(instance, Quick, null, CancellationToken.None);

        Assert.Equal(TerminationReason.Optimal, result.Termination);
        Assert.Equal(336, FeasibilityChecker.Check(instance, result.AgentOfTask).Objective, 6);
    }

    [Fact]
    public async Task Pinned_assignments_are_kept_even_when_they_cost_more()
    {
        var free = ProblemInstance.Compile(MipProblems.SmallGap());
        var backend = new ClassicalMipBackend();
        var unpinned = await backend.SolveAsync(free, Quick, null, CancellationToken.None);
        var taskId = "t1";
        var otherAgent = free.Problem.Agents.First(a => a.Id != free.Problem.Agents[unpinned.AgentOfTask[0]].Id).Id;
        var pinned = ProblemInstance.Compile(free.Problem with { Pinned = [new Assignment(taskId, otherAgent)] });

        var result = await backend.SolveAsync(pinned, Quick, null, CancellationToken.None);

        Assert.Equal(pinned.AgentIndex[otherAgent], result.AgentOfTask[pinned.TaskIndex[taskId]]);
        Assert.Equal(BruteForce.Optimum(pinned)!.Value, FeasibilityChecker.Check(pinned, result.AgentOfTask).Objective, 6);
    }

    [Fact]
    public async Task Tasks_go_only_to_agents_with_their_skills()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "cheap", CostRate = 1 }, new Agent { Id = "rustacean", Skills = ["rust"], CostRate = 5 }],
            Tasks = [new SchedulingTask { Id = "port", RequiredSkills = ["rust"], Duration = 2 }, new SchedulingTask { Id = "docs", Duration = 2 }],
        };
        var instance = ProblemInstance.Compile(problem);

        var result = await new ClassicalMipBackend().SolveAsync(instance, Quick, null, CancellationToken.None);

        Assert.Equal([1, 0], result.AgentOfTask);
        Assert.Equal("3", result.Details["columns"]); // the ineligible pair has no variable
    }

    [Fact]
    public async Task Hard_capacity_that_cannot_hold_the_tasks_is_reported_infeasible()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Capacity = 3 }],
            Tasks = [new SchedulingTask { Id = "t1", Duration = 2 }, new SchedulingTask { Id = "t2", Duration = 2 }],
        };

        var result = await new ClassicalMipBackend().SolveAsync(ProblemInstance.Compile(problem), Quick, null, CancellationToken.None);

        Assert.Equal(TerminationReason.Infeasible, result.Termination);
        Assert.Null(result.Bound);
    }

    [Fact]
    public async Task A_task_no_agent_can_do_makes_the_model_infeasible_without_crashing()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a" }],
            Tasks = [new SchedulingTask { Id = "port", RequiredSkills = ["rust"] }, new SchedulingTask { Id = "docs" }],
        };

        var result = await new ClassicalMipBackend().SolveAsync(ProblemInstance.Compile(problem), Quick, null, CancellationToken.None);

        Assert.Equal(TerminationReason.Infeasible, result.Termination);
    }

    [Fact]
    public async Task A_problem_without_tasks_is_trivially_optimal()
    {
        var problem = new SchedulingProblem { Agents = [new Agent { Id = "a", Capacity = 1 }] };

        var result = await new ClassicalMipBackend().SolveAsync(ProblemInstance.Compile(problem), Quick, null, CancellationToken.None);

        Assert.Empty(result.AgentOfTask);
        Assert.Equal(TerminationReason.Optimal, result.Termination);
    }

    [Fact]
    public async Task Unassigned_tasks_are_priced_by_priority_when_allowed()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Capacity = 3, CostRate = 1 }],
            Tasks = [new SchedulingTask { Id = "minor", Duration = 2, Priority = 1 }, new SchedulingTask { Id = "major", Duration = 2, Priority = 3 }],
            Constraints = new ConstraintSettings { AllowUnassigned = true, UnassignedPenalty = 10 },
        };

        var result = await new ClassicalMipBackend().SolveAsync(ProblemInstance.Compile(problem), Quick, null, CancellationToken.None);

        Assert.Equal([-1, 0], result.AgentOfTask);
        Assert.Equal(2 + 10, result.Bound!.Value, 6);
    }

    [Fact]
    public async Task Soft_capacity_is_exceeded_when_the_excess_is_cheaper_than_the_alternative()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "cheap", Capacity = 3, CostRate = 1 }, new Agent { Id = "dear", CostRate = 10 }],
            Tasks = [new SchedulingTask { Id = "t1", Duration = 2 }, new SchedulingTask { Id = "t2", Duration = 2 }],
            Constraints = new ConstraintSettings { Capacity = ConstraintLevel.Soft(2) },
        };

        var result = await new ClassicalMipBackend().SolveAsync(ProblemInstance.Compile(problem), Quick, null, CancellationToken.None);

        Assert.Equal([0, 0], result.AgentOfTask); // cost 4 + excess 1 × 2 beats moving a task for 20
        Assert.Equal(6, result.Bound!.Value, 6);
    }

    [Theory]
    [InlineData(ObjectiveKind.LoadBalance)]
    [InlineData(ObjectiveKind.Makespan)]
    public async Task Min_max_objectives_match_the_shared_evaluator(ObjectiveKind kind)
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Capacity = 10 }, new Agent { Id = "b", Capacity = 5 }],
            Tasks = [.. new[] { 4.0, 3, 3, 2, 1 }.Select((d, i) => new SchedulingTask { Id = $"t{i}", Duration = d })],
            Objective = new Objective { Kind = kind },
        };
        var instance = ProblemInstance.Compile(problem);

        var result = await new ClassicalMipBackend().SolveAsync(instance, Quick, null, CancellationToken.None);

        Assert.Equal(TerminationReason.Optimal, result.Termination);
        Assert.Equal(BruteForce.Optimum(instance)!.Value, new ObjectiveEvaluator(instance).Evaluate(result.AgentOfTask).Objective, 6);
    }
}

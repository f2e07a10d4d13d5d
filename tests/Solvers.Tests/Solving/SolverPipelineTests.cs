using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Diagnosis;
using QuantumScheduler.Solvers.Explanation;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Solvers.Tests.Solving;

public sealed class SolverPipelineTests
{
    private static readonly SchedulingProblem Team = new()
    {
        Name = "team",
        Agents =
        [
            new Agent { Id = "a1", Skills = ["go"], Capacity = 10, CostRate = 1 },
            new Agent { Id = "a2", Skills = ["go", "rust"], Capacity = 40, CostRate = 3 },
        ],
        Tasks =
        [
            new SchedulingTask { Id = "t1", RequiredSkills = ["go"], Duration = 4 },
            new SchedulingTask { Id = "t2", RequiredSkills = ["rust"], Duration = 5, Dependencies = ["t1"] },
            new SchedulingTask { Id = "t3", RequiredSkills = ["go"], Duration = 4, Deadline = 20 },
        ],
    };

    private static Task<Solution> Solve(SchedulingProblem problem, ISolverBackend? backend = null) =>
        new SolverPipeline().SolveAsync(problem, backend ?? new GreedyTestBackend(), new SolveOptions());

    [Fact]
    public async Task A_solvable_problem_comes_back_checked_timed_and_explained()
    {
        var solution = await Solve(Team);

        Assert.Equal(SolutionStatus.Feasible, solution.Status);
        Assert.True(solution.IsFeasible);
        Assert.Equal("greedy-test-double", solution.Backend);
        Assert.Equal(TerminationReason.Completed, solution.Termination);
        Assert.Equal(
            [new ScheduledAssignment("t1", "a1", 4, 8), new ScheduledAssignment("t2", "a2", 8, 13), new ScheduledAssignment("t3", "a1", 0, 4)], // t3 has the earlier deadline
            solution.Assignments);
        Assert.Equal(4 + 15 + 4, solution.Objective);
        Assert.Equal(0, solution.HardScore);
        Assert.Empty(solution.Violations);
        Assert.Null(solution.Diagnosis);
        Assert.Null(solution.Gap);
        Assert.Equal("cheapest fitting agent", solution.BackendDetails["strategy"]);
        var cost = Assert.Single(solution.Explanation!.Terms);
        Assert.Equal(("TotalCost", 23.0), (cost.Name, cost.Value));
        Assert.Contains(cost.Contributions, c => c.TaskIds.SequenceEqual(["t2"]) && c.AgentIds.SequenceEqual(["a2"]) && c.Amount == 15);
    }

    [Fact]
    public async Task Reports_the_gap_to_a_bound()
    {
        var solution = await Solve(Team, new GreedyTestBackend { Bound = 20 });

        Assert.Equal(20, solution.Bound);
        Assert.Equal(3.0 / 23, solution.Gap!.Value, 12);
    }

    [Fact]
    public async Task An_invalid_problem_is_not_solved_and_says_what_is_wrong()
    {
        var backend = new GreedyTestBackend();
        var broken = Team with { Tasks = [Team.Tasks[0] with { RequiredSkills = ["cobol"] }, Team.Tasks[1], Team.Tasks[2]] };

        var solution = await Solve(broken, backend);

        Assert.Equal(SolutionStatus.Invalid, solution.Status);
        Assert.Equal("tasks[0].requiredSkills[0]: unknown skill \"cobol\" (no agent has it)", Assert.Single(solution.ValidationErrors).ToString());
        Assert.Equal(0, backend.Calls);
    }

    [Fact]
    public async Task A_backend_lacking_a_capability_refuses_with_the_reason()
    {
        var backend = new GreedyTestBackend(GreedyTestBackend.Everything with { SupportsDependencies = false, Objectives = new HashSet<ObjectiveKind> { ObjectiveKind.Makespan } });

        var solution = await Solve(Team, backend);

        Assert.Equal(SolutionStatus.Refused, solution.Status);
        Assert.Equal(2, solution.RefusalReasons.Count);
        Assert.Contains(solution.RefusalReasons, r => r.Contains("objective TotalCost is not supported"));
        Assert.Contains(solution.RefusalReasons, r => r.Contains("dependencies"));
        Assert.Equal(0, backend.Calls);
    }

    [Fact]
    public async Task A_backend_over_its_size_limit_refuses()
    {
        var solution = await Solve(Team, new GreedyTestBackend(GreedyTestBackend.Everything with { MaxVariables = 3 }));

        Assert.Equal(SolutionStatus.Refused, solution.Status);
        Assert.Contains("5 task-agent variables", Assert.Single(solution.RefusalReasons));
    }

    [Fact]
    public async Task An_unavailable_backend_says_why()
    {
        var solution = await Solve(Team, new GreedyTestBackend(availability: BackendAvailability.Unavailable("libCbcSolver.so.3 not found")));

        Assert.Equal(SolutionStatus.Unavailable, solution.Status);
        Assert.Equal(["libCbcSolver.so.3 not found"], solution.RefusalReasons);
    }

    [Fact]
    public async Task Capacity_that_makes_the_problem_infeasible_gives_a_diagnosis_not_an_empty_schedule()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a1", Skills = ["go"], Capacity = 100 }, new Agent { Id = "a2", Skills = ["go", "rust"], Capacity = 40 }],
            Tasks =
            [
                new SchedulingTask { Id = "t1", RequiredSkills = ["go"], Duration = 10 },
                new SchedulingTask { Id = "t4", RequiredSkills = ["rust"], Duration = 30 },
                new SchedulingTask { Id = "t9", RequiredSkills = ["rust"], Duration = 20 },
            ],
        };

        var solution = await Solve(problem);

        Assert.Equal(SolutionStatus.Infeasible, solution.Status);
        Assert.Equal(3, solution.Assignments.Count);
        Assert.Contains(solution.Violations, v => v.Constraint == ConstraintKind.Capacity && v.AgentIds.SequenceEqual(["a2"]));
        var conflict = Assert.Single(solution.Diagnosis!.Conflicts);
        Assert.Equal(ConflictKind.SkillGroupCapacity, conflict.Kind);
        Assert.Equal("tasks t4, t9 need skill 'rust'; only agent a2 has it; their load 50 exceeds its capacity 40", conflict.Message);
        Assert.True(solution.Diagnosis.ProvesInfeasible);
    }

    [Fact]
    public void A_backend_that_proves_infeasibility_gets_a_diagnosis_and_every_task_reported()
    {
        var problem = Team with { Agents = [Team.Agents[0], Team.Agents[1] with { Capacity = 3 }] };
        var instance = ProblemInstance.Compile(problem);
        var result = new BackendResult { AgentOfTask = [-1, -1, -1], Termination = TerminationReason.Infeasible };

        var solution = SolverPipeline.Complete(instance, result, "exact", TimeSpan.FromSeconds(1));

        Assert.Equal(SolutionStatus.Infeasible, solution.Status);
        Assert.Equal(TerminationReason.Infeasible, solution.Termination);
        Assert.Equal(["t1", "t2", "t3"], solution.UnassignedTaskIds);
        Assert.Equal(3, solution.Violations.Count(v => v.Constraint == ConstraintKind.Unassigned));
        var conflict = Assert.Single(solution.Diagnosis!.Conflicts);
        Assert.Equal(ConflictKind.TaskFitsNoAgent, conflict.Kind);
        Assert.Equal(["t2"], conflict.TaskIds); // needs 'rust' (load 5); only a2 has it, with capacity 3
    }

    [Fact]
    public async Task Pinned_assignments_are_kept()
    {
        var pinned = Team with { Pinned = [new Assignment("t3", "a2")] };

        var solution = await Solve(pinned);

        Assert.True(solution.IsFeasible);
        Assert.Contains(solution.Assignments, a => a is { TaskId: "t3", AgentId: "a2" });
    }

    [Fact]
    public async Task Unassigned_tasks_come_with_their_reason()
    {
        var optional = Team with
        {
            Agents = [Team.Agents[0] with { Capacity = 5 }, Team.Agents[1] with { Capacity = 5 }],
            Constraints = new ConstraintSettings { AllowUnassigned = true, UnassignedPenalty = 50 },
        };

        var solution = await Solve(optional);

        Assert.True(solution.IsFeasible);
        Assert.Equal(["t3"], solution.UnassignedTaskIds);
        var reason = Assert.Single(solution.Explanation!.Unassigned);
        Assert.Equal(UnassignedReasonKind.NoCapacity, reason.Kind);
        Assert.Equal("every eligible agent lacks capacity: a1 carries 4 of capacity 5 and the task needs 4; a2 carries 5 of capacity 5 and the task needs 4", reason.Reason);
        Assert.Equal(-50, solution.SoftScore);
    }
}

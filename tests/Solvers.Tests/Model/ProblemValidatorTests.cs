using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Validation;

namespace QuantumScheduler.Solvers.Tests.Model;

/// <summary>The validator on problems built in code (the JSON reader's tests cover the same rules through files).</summary>
public sealed class ProblemValidatorTests
{
    private static readonly SchedulingProblem Valid = new()
    {
        Agents = [new Agent { Id = "a1", Skills = ["go"], Capacity = 10 }, new Agent { Id = "a2", Skills = ["go", "sql"] }],
        Tasks = [new SchedulingTask { Id = "t1", RequiredSkills = ["go"] }, new SchedulingTask { Id = "t2", RequiredSkills = ["sql"], Dependencies = ["t1"] }],
    };

    private static List<string> Errors(SchedulingProblem problem) => ProblemValidator.Validate(problem).Select(e => e.ToString()).ToList();

    [Fact]
    public void A_valid_problem_has_no_errors() => Assert.Empty(Errors(Valid));

    [Fact]
    public void Random_valid_problems_pass() =>
        Assert.All(Enumerable.Range(0, 100), seed => Assert.Empty(Errors(RandomProblems.Create(seed, valid: true))));

    [Fact]
    public void Reports_bad_numbers_at_their_path()
    {
        var problem = Valid with
        {
            Agents = [Valid.Agents[0] with { CostRate = double.NaN, Availability = [new TimeWindow(5, 5), new TimeWindow(0, 9)] }, Valid.Agents[1]],
            Tasks = [Valid.Tasks[0] with { Priority = -1, Load = double.PositiveInfinity }, Valid.Tasks[1]],
            Objective = new Objective { Weights = new ObjectiveWeights { Makespan = -2 } },
            Constraints = new ConstraintSettings { Capacity = ConstraintLevel.Soft(-1), UnassignedPenalty = -3 },
        };

        var errors = Errors(problem);

        Assert.Contains("agents[0].costRate: must be a finite number ≥ 0, got NaN", errors);
        Assert.Contains("agents[0].availability[0].end: must be after start 5, got 5", errors);
        Assert.Contains("agents[0].availability[0]: overlaps availability[1]; windows must not overlap", errors);
        Assert.Contains("tasks[0].priority: must be a finite number ≥ 0, got -1", errors);
        Assert.Contains("tasks[0].load: must be a finite number ≥ 0, got Infinity", errors);
        Assert.Contains("objective.weights.makespan: must be a finite number ≥ 0, got -2", errors);
        Assert.Contains("constraints.capacity.weight: must be a finite number ≥ 0, got -1", errors);
        Assert.Contains("constraints.unassignedPenalty: must be a finite number ≥ 0, got -3", errors);
    }

    [Fact]
    public void Reports_bad_references()
    {
        var problem = Valid with
        {
            Tasks = [Valid.Tasks[0] with { Dependencies = ["t1"] }, Valid.Tasks[1] with { Dependencies = ["t1", "t1"] }],
            Overrides = [new TaskAgentOverride { TaskId = "nope", AgentId = "a1" }, new TaskAgentOverride { TaskId = "t1", AgentId = "a1", Load = -1 }, new TaskAgentOverride { TaskId = "t1", AgentId = "a1" }],
            Pinned = [new Assignment("t1", "a9"), new Assignment("t1", "a1")],
            InitialSolution = [new Assignment("t2", "a1")],
        };

        var errors = Errors(problem);

        Assert.Contains("tasks[0].dependencies[0]: task \"t1\" depends on itself", errors);
        Assert.Contains("tasks[1].dependencies[1]: duplicate dependency \"t1\"", errors);
        Assert.Contains("overrides[0].taskId: unknown task \"nope\"", errors);
        Assert.Contains("overrides[1].load: must be a finite number ≥ 0, got -1", errors);
        Assert.Contains("overrides[2]: duplicate override for task \"t1\" on agent \"a1\" (also overrides[1])", errors);
        Assert.Contains("pinned[0].agentId: unknown agent \"a9\"", errors);
        Assert.Contains("pinned[1].taskId: task \"t1\" is listed twice (also pinned[0])", errors);
        Assert.Contains("initialSolution[0].agentId: agent \"a1\" lacks skill \"sql\" required by task \"t2\"", errors);
    }

    [Fact]
    public void Reports_missing_ids_and_duplicate_tasks()
    {
        var problem = Valid with { Tasks = [Valid.Tasks[0], Valid.Tasks[0], new SchedulingTask { Id = " " }] };

        var errors = Errors(problem);

        Assert.Contains("tasks[1].id: duplicate id \"t1\" (also tasks[0])", errors);
        Assert.Contains("tasks[2].id: required (a non-empty string)", errors);
    }

    [Fact]
    public void Reports_null_lists_in_problems_built_in_code()
    {
        var problem = Valid with { Pinned = null!, Tasks = [Valid.Tasks[0] with { Dependencies = null! }] };

        var errors = Errors(problem);

        Assert.Contains("pinned: must not be null (use an empty list)", errors);
        Assert.Contains("tasks[0].dependencies: must not be null (use an empty list)", errors);
    }

    [Fact]
    public void A_deadline_uses_the_shortest_duration_over_skilled_agents()
    {
        var problem = Valid with
        {
            Tasks = [Valid.Tasks[0] with { Duration = 10, Deadline = 4 }],
            Overrides = [new TaskAgentOverride { TaskId = "t1", AgentId = "a2", Duration = 3 }],
        };

        Assert.Empty(Errors(problem));
        Assert.Contains("tasks[0].deadline: 2 is before release time 0 + shortest duration 3 = 3", Errors(problem with { Tasks = [problem.Tasks[0] with { Deadline = 2 }] }));
    }
}

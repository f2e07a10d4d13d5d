using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Solvers.Tests.Solving;

public sealed class CapabilityCheckTests
{
    private static readonly BackendCapabilities AssignmentOnly = new() { Objectives = new HashSet<ObjectiveKind> { ObjectiveKind.TotalCost } };

    private static readonly SchedulingProblem Plain = new()
    {
        Agents = [new Agent { Id = "a", Capacity = 5 }],
        Tasks = [new SchedulingTask { Id = "t1" }, new SchedulingTask { Id = "t2" }],
    };

    private static IReadOnlyList<string> Refusals(SchedulingProblem problem, BackendCapabilities capabilities) =>
        CapabilityCheck.Refusals(ProblemInstance.Compile(problem), capabilities);

    [Fact]
    public void A_plain_assignment_problem_suits_an_assignment_backend() => Assert.Empty(Refusals(Plain, AssignmentOnly));

    [Fact]
    public void Every_unsupported_feature_is_a_reason()
    {
        var problem = Plain with
        {
            Agents = [Plain.Agents[0] with { Availability = [new TimeWindow(0, 10)] }],
            Tasks = [Plain.Tasks[0] with { Deadline = 4 }, Plain.Tasks[1] with { Dependencies = ["t1"] }],
            Pinned = [new Assignment("t1", "a")],
            Objective = new Objective { Kind = ObjectiveKind.Makespan },
            Constraints = new ConstraintSettings { Capacity = ConstraintLevel.Soft(2), AllowUnassigned = true },
        };

        var reasons = Refusals(problem, AssignmentOnly);

        Assert.Equal(7, reasons.Count);
        Assert.Contains("objective Makespan is not supported (supported: TotalCost)", reasons);
        Assert.Contains("tasks have dependencies, which this backend does not support", reasons);
        Assert.Contains("tasks have deadlines, which this backend does not support", reasons);
        Assert.Contains("agents have availability windows, which this backend does not support", reasons);
        Assert.Contains("soft capacity or deadline constraints are not supported", reasons);
        Assert.Contains("optional (unassigned) tasks are not supported", reasons);
        Assert.Contains("pinned assignments are not supported", reasons);
    }

    [Fact]
    public void Counts_only_eligible_pairs_against_the_variable_limit()
    {
        var problem = Plain with
        {
            Agents = [new Agent { Id = "a", Skills = ["x"] }, new Agent { Id = "b" }],
            Tasks = [new SchedulingTask { Id = "t1", RequiredSkills = ["x"] }, new SchedulingTask { Id = "t2" }],
        };

        Assert.Empty(Refusals(problem, AssignmentOnly with { MaxVariables = 3 }));
        Assert.Equal("the problem has 3 task-agent variables; this backend accepts at most 2", Assert.Single(Refusals(problem, AssignmentOnly with { MaxVariables = 2 })));
    }
}

using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Scheduling;

namespace QuantumScheduler.Solvers.Tests.Checking;

public sealed class FeasibilityCheckerTests
{
    private static readonly SchedulingProblem Team = new()
    {
        Agents =
        [
            new Agent { Id = "a1", Skills = ["rust", "sql"], Capacity = 10, CostRate = 2 },
            new Agent { Id = "a2", Skills = ["sql"], Capacity = 10, CostRate = 1, Availability = [new TimeWindow(0, 8)] },
        ],
        Tasks =
        [
            new SchedulingTask { Id = "t1", RequiredSkills = ["rust"], Duration = 4, Deadline = 5 },
            new SchedulingTask { Id = "t2", RequiredSkills = ["sql"], Duration = 3, Priority = 2 },
            new SchedulingTask { Id = "t3", Duration = 2, Dependencies = ["t1"] },
        ],
    };

    private static ProblemInstance Compile(SchedulingProblem problem) => ProblemInstance.Compile(problem);

    private static Schedule Timed(int[] agents, double[] start, double[] end) => new(agents, start, end, []);

    [Fact]
    public void A_good_schedule_is_feasible_with_its_objective()
    {
        var result = FeasibilityChecker.Check(Compile(Team), [0, 1, 1]);

        Assert.True(result.IsFeasible, string.Join("; ", result.Violations));
        Assert.Empty(result.Violations);
        Assert.Equal(0, result.HardScore);
        Assert.Equal(4 * 2 + 3 * 1 + 2 * 1, result.Objective);
        Assert.Equal(result.Objective, result.PenalizedObjective);
    }

    [Fact]
    public void Catches_a_missing_skill()
    {
        var result = FeasibilityChecker.Check(Compile(Team), [1, 1, 0]);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(ConstraintKind.Skills, violation.Constraint);
        Assert.Equal(["t1"], violation.TaskIds);
        Assert.Equal(["a2"], violation.AgentIds);
        Assert.Contains("'rust'", violation.Message);
        Assert.False(result.IsFeasible);
    }

    [Fact]
    public void Catches_an_unassigned_task_and_prices_it_when_allowed()
    {
        var hard = FeasibilityChecker.Check(Compile(Team), [0, -1, 1]);
        Assert.Equal(ConstraintKind.Unassigned, Assert.Single(hard.Violations).Constraint);
        Assert.Equal(-1, hard.HardScore);

        var allowed = Team with { Constraints = new ConstraintSettings { AllowUnassigned = true, UnassignedPenalty = 100 } };
        var soft = FeasibilityChecker.Check(Compile(allowed), [0, -1, 1]);
        Assert.True(soft.IsFeasible);
        Assert.Equal(-200, soft.SoftScore); // 100 × priority 2
        Assert.Equal(soft.Objective + 200, soft.PenalizedObjective);
    }

    [Fact]
    public void Keeps_pinned_assignments()
    {
        var pinned = Team with { Pinned = [new Assignment("t2", "a1")] };

        var moved = FeasibilityChecker.Check(Compile(pinned), [0, 1, 1]);
        var kept = FeasibilityChecker.Check(Compile(pinned), [0, 0, 1]);

        var violation = Assert.Single(moved.Violations);
        Assert.Equal(ConstraintKind.Pinned, violation.Constraint);
        Assert.Equal(["a1", "a2"], violation.AgentIds);
        Assert.True(kept.IsFeasible, string.Join("; ", kept.Violations));
    }

    [Fact]
    public void Catches_capacity_overload_hard_and_prices_it_soft()
    {
        var tight = Team with { Agents = [Team.Agents[0] with { Capacity = 5 }, Team.Agents[1]] };

        var hard = FeasibilityChecker.Check(Compile(tight), [0, 0, 1]);
        var violation = Assert.Single(hard.Violations);
        Assert.Equal(ConstraintKind.Capacity, violation.Constraint);
        Assert.Equal(2, violation.Amount); // load 4 + 3 over capacity 5
        Assert.Equal(["t1", "t2"], violation.TaskIds);
        Assert.Equal(-2, hard.HardScore);

        var soft = FeasibilityChecker.Check(Compile(tight with { Constraints = new ConstraintSettings { Capacity = ConstraintLevel.Soft(7) } }), [0, 0, 1]);
        Assert.True(soft.IsFeasible);
        Assert.Equal(-14, soft.SoftScore);
    }

    [Fact]
    public void Catches_a_missed_deadline_hard_and_prices_it_soft()
    {
        var late = Team with { Tasks = [Team.Tasks[0] with { ReleaseTime = 3 }, Team.Tasks[1], Team.Tasks[2]] };

        var hard = FeasibilityChecker.Check(Compile(late), [0, 1, 0]);
        var violation = Assert.Single(hard.Violations);
        Assert.Equal(ConstraintKind.Deadline, violation.Constraint);
        Assert.Equal(2, violation.Amount); // ends 7, deadline 5

        var soft = FeasibilityChecker.Check(Compile(late with { Constraints = new ConstraintSettings { Deadlines = ConstraintLevel.Soft(3) } }), [0, 1, 0]);
        Assert.True(soft.IsFeasible);
        Assert.Equal(-6, soft.SoftScore); // 3 × priority 1 × 2
        Assert.Equal(2, soft.Terms.WeightedTardiness);
    }

    [Fact]
    public void Catches_time_rules_broken_by_a_backend_that_sets_times()
    {
        var instance = Compile(Team);

        // t3 starts before t1 ends; t2 and t3 overlap on a2; t3 runs past a2's window; t2's end disagrees with its duration.
        var result = FeasibilityChecker.Check(instance, Timed([0, 1, 1], [0, 5, 3], [4, 9, 9]));

        var kinds = result.Violations.Select(v => v.Constraint).ToList();
        Assert.Contains(ConstraintKind.Dependencies, kinds);
        Assert.Contains(ConstraintKind.Overlap, kinds);
        Assert.Contains(ConstraintKind.Availability, kinds);
        Assert.Contains(ConstraintKind.Duration, kinds);
        Assert.Equal(1, result.Violations.Single(v => v.Constraint == ConstraintKind.Dependencies).Amount);
        Assert.Equal(4, result.Violations.Single(v => v.Constraint == ConstraintKind.Overlap).Amount);
    }

    [Fact]
    public void Catches_a_start_before_release_and_a_task_without_time()
    {
        var released = Team with { Tasks = [Team.Tasks[0], Team.Tasks[1] with { ReleaseTime = 2 }, Team.Tasks[2]] };

        var result = FeasibilityChecker.Check(Compile(released), Timed([0, 1, 1], [0, 0, double.NaN], [4, 3, double.NaN]));

        Assert.Equal(2, result.Violations.Single(v => v.Constraint == ConstraintKind.ReleaseTime).Amount);
        Assert.Equal(["t3"], result.Violations.Single(v => v.Constraint == ConstraintKind.Unscheduled).TaskIds);
    }

    [Fact]
    public void Catches_a_dependency_on_an_unassigned_task()
    {
        var allowed = Team with { Constraints = new ConstraintSettings { AllowUnassigned = true } };

        var result = FeasibilityChecker.Check(Compile(allowed), [-1, 1, 1]);

        var dependency = result.Violations.Single(v => v.Constraint == ConstraintKind.Dependencies);
        Assert.Equal(["t3", "t1"], dependency.TaskIds);
        Assert.Contains(result.Violations, v => v is { Constraint: ConstraintKind.Unscheduled, IsHard: true });
    }

    [Fact]
    public void Catches_an_agent_index_out_of_range_and_a_wrong_length()
    {
        var instance = Compile(Team);

        Assert.Equal(ConstraintKind.Assignment, FeasibilityChecker.Check(instance, [0, 7, 1]).Violations[0].Constraint);
        Assert.Equal(ConstraintKind.Assignment, Assert.Single(FeasibilityChecker.Check(instance, [0, 1]).Violations).Constraint);
    }

    [Theory]
    [InlineData(ObjectiveKind.TotalCost, 13)]
    [InlineData(ObjectiveKind.Makespan, 6)]            // t2 0..3 and t3 4..6 on a2
    [InlineData(ObjectiveKind.LoadBalance, 0.5)]       // a2: 5 / 10
    [InlineData(ObjectiveKind.WeightedMix, 13 + 2 * 6)]
    public void Computes_each_objective(ObjectiveKind kind, double expected)
    {
        var problem = Team with { Objective = new Objective { Kind = kind, Weights = new ObjectiveWeights { Cost = 1, Makespan = 2 } } };

        var result = FeasibilityChecker.Check(Compile(problem), [0, 1, 1]);

        Assert.Equal(expected, result.Objective);
    }

    [Fact]
    public void Maximisation_subtracts_soft_penalties()
    {
        var problem = Team with
        {
            Objective = new Objective { Sense = ObjectiveSense.Maximize },
            Constraints = new ConstraintSettings { AllowUnassigned = true, UnassignedPenalty = 5 },
        };

        var result = FeasibilityChecker.Check(Compile(problem), [0, -1, 1]);

        Assert.Equal(result.Objective - 10, result.PenalizedObjective);
    }
}

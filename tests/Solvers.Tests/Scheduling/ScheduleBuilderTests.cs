using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Scheduling;

namespace QuantumScheduler.Solvers.Tests.Scheduling;

public sealed class ScheduleBuilderTests
{
    private static Schedule Build(SchedulingProblem problem, params int[] agentOfTask) =>
        new ScheduleBuilder(ProblemInstance.Compile(problem)).Build(agentOfTask);

    [Fact]
    public void An_agent_does_its_tasks_one_at_a_time_from_their_release()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a" }],
            Tasks = [new SchedulingTask { Id = "x", Duration = 3 }, new SchedulingTask { Id = "y", Duration = 2, ReleaseTime = 10 }, new SchedulingTask { Id = "z", Duration = 4 }],
        };

        var schedule = Build(problem, 0, 0, 0);

        Assert.Equal([0.0, 10, 3], schedule.Start);
        Assert.Equal([3.0, 12, 7], schedule.End);
        Assert.Empty(schedule.Unplaced);
    }

    [Fact]
    public void A_task_starts_after_its_dependencies_end_on_other_agents()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a" }, new Agent { Id = "b" }],
            Tasks =
            [
                new SchedulingTask { Id = "build", Duration = 5 },
                new SchedulingTask { Id = "test", Duration = 2, Dependencies = ["build"] },
                new SchedulingTask { Id = "docs", Duration = 1 },
            ],
        };

        var schedule = Build(problem, 0, 1, 1);

        Assert.Equal(5, schedule.Start[1]);
        Assert.Equal(0, schedule.Start[2]); // b is free before "test" may start, so "docs" goes first
    }

    [Fact]
    public void Dependencies_are_honoured_even_when_listed_after_their_dependents()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a" }],
            Tasks = [new SchedulingTask { Id = "second", Duration = 1, Dependencies = ["first"] }, new SchedulingTask { Id = "first", Duration = 4 }],
        };

        var schedule = Build(problem, 0, 0);

        Assert.Equal(4, schedule.Start[0]);
        Assert.Equal(0, schedule.Start[1]);
    }

    [Fact]
    public void A_task_runs_wholly_inside_one_availability_window()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Availability = [new TimeWindow(0, 4), new TimeWindow(8, 20)] }],
            Tasks = [new SchedulingTask { Id = "short", Duration = 3 }, new SchedulingTask { Id = "long", Duration = 6 }, new SchedulingTask { Id = "tiny", Duration = 1 }],
        };

        var schedule = Build(problem, 0, 0, 0);

        Assert.Equal(0, schedule.Start[0]);
        Assert.Equal(8, schedule.Start[1]);   // does not fit in [0,4)
        Assert.Equal(3, schedule.Start[2]);   // fills the gap left in the first window
    }

    [Fact]
    public void Earlier_deadlines_go_first_then_higher_priority()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a" }],
            Tasks =
            [
                new SchedulingTask { Id = "late", Duration = 2, Deadline = 100 },
                new SchedulingTask { Id = "low", Duration = 2, Deadline = 10, Priority = 1 },
                new SchedulingTask { Id = "high", Duration = 2, Deadline = 10, Priority = 5 },
            ],
        };

        var schedule = Build(problem, 0, 0, 0);

        Assert.Equal([4.0, 2, 0], schedule.Start);
    }

    [Fact]
    public void A_late_task_is_placed_late_for_the_checker_to_report()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a" }],
            Tasks = [new SchedulingTask { Id = "x", Duration = 5, ReleaseTime = 3, Deadline = 6 }],
        };

        var schedule = Build(problem, 0);

        Assert.Equal(8, schedule.End[0]);
    }

    [Fact]
    public void Reports_tasks_that_cannot_be_placed_and_their_dependents()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Availability = [new TimeWindow(0, 4)] }, new Agent { Id = "b" }],
            Tasks =
            [
                new SchedulingTask { Id = "big", Duration = 5 },
                new SchedulingTask { Id = "after-big", Duration = 1, Dependencies = ["big"] },
                new SchedulingTask { Id = "orphan", Duration = 1 },
                new SchedulingTask { Id = "after-orphan", Duration = 1, Dependencies = ["orphan"] },
            ],
        };

        var schedule = Build(problem, 0, 1, -1, 1);

        Assert.False(schedule.IsPlaced(0));
        Assert.False(schedule.IsPlaced(2));
        Assert.Collection(schedule.Unplaced.OrderBy(u => u.Task),
            u => Assert.Equal((0, UnplacedReason.NoAvailabilityWindow), (u.Task, u.Reason)),
            u => Assert.Equal((1, UnplacedReason.PredecessorUnplaced), (u.Task, u.Reason)),
            u => Assert.Equal((3, UnplacedReason.PredecessorUnassigned), (u.Task, u.Reason)));
        Assert.Contains("agent a", schedule.Unplaced.Single(u => u.Task == 0).Message);
    }

    [Fact]
    public void Per_agent_durations_are_used()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a" }, new Agent { Id = "b" }],
            Tasks = [new SchedulingTask { Id = "x", Duration = 10 }],
            Overrides = [new TaskAgentOverride { TaskId = "x", AgentId = "b", Duration = 3 }],
        };

        Assert.Equal(10, Build(problem, 0).End[0]);
        Assert.Equal(3, Build(problem, 1).End[0]);
    }

    [Fact]
    public void Builder_schedules_of_random_problems_never_break_time_rules()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var instance = ProblemInstance.Compile(RandomProblems.Create(seed));
            var schedule = new ScheduleBuilder(instance).Build(RandomProblems.Assignment(instance, new Random(seed)));

            var timeRules = new[] { ConstraintKind.Overlap, ConstraintKind.Availability, ConstraintKind.ReleaseTime, ConstraintKind.Duration };
            var result = FeasibilityChecker.Check(instance, schedule);
            Assert.DoesNotContain(result.Violations, v => timeRules.Contains(v.Constraint));
            Assert.DoesNotContain(result.Violations, v => v.Constraint == ConstraintKind.Dependencies && v.Amount != 1);
        }
    }
}

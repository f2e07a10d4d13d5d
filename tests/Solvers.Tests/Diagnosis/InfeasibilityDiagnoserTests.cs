using QuantumScheduler.Solvers.Diagnosis;
using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.Diagnosis;

public sealed class InfeasibilityDiagnoserTests
{
    private static InfeasibilityDiagnosis Diagnose(SchedulingProblem problem) => InfeasibilityDiagnoser.Diagnose(ProblemInstance.Compile(problem));

    private static SchedulingTask Task(string id, double duration, params string[] skills) => new() { Id = id, Duration = duration, RequiredSkills = skills };

    [Fact]
    public void A_feasible_problem_has_no_conflict()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Skills = ["go"], Capacity = 10 }],
            Tasks = [Task("t1", 4, "go"), Task("t2", 6, "go")],
        };

        var diagnosis = Diagnose(problem);

        Assert.False(diagnosis.ProvesInfeasible);
        Assert.Contains("no conflict was proven", diagnosis.Summary);
    }

    [Fact]
    public void Names_the_smallest_skill_group_that_lacks_capacity()
    {
        // Plenty of capacity overall; the two 'ml' tasks can only go to a3 and a4, which hold 30 together.
        var problem = new SchedulingProblem
        {
            Agents =
            [
                new Agent { Id = "a1", Skills = ["go"], Capacity = 100 },
                new Agent { Id = "a2", Skills = ["go"], Capacity = 100 },
                new Agent { Id = "a3", Skills = ["go", "ml"], Capacity = 10 },
                new Agent { Id = "a4", Skills = ["ml"], Capacity = 20 },
            ],
            Tasks = [Task("t1", 5, "go"), Task("t2", 18, "ml"), Task("t3", 15, "ml"), Task("t4", 1, "ml"), Task("t5", 50, "go")],
        };

        var conflict = Assert.Single(Diagnose(problem).Conflicts);

        Assert.Equal(ConflictKind.SkillGroupCapacity, conflict.Kind);
        Assert.Equal(["t2", "t3"], conflict.TaskIds); // t4 is not needed to prove it
        Assert.Equal(["a3", "a4"], conflict.AgentIds);
        Assert.Equal((33.0, 30.0), (conflict.Demand!.Value, conflict.Supply!.Value));
        Assert.Equal("tasks t2, t3 need skill 'ml'; only agents a3, a4 have it; their load 33 exceeds their total capacity 30", conflict.Message);
    }

    [Fact]
    public void Uses_each_tasks_smallest_load_over_its_agents_as_a_sound_bound()
    {
        // t1 loads 30 on a1 but only 5 on a2: 5 + 5 fits a combined 12, so no conflict may be claimed.
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a1", Capacity = 6 }, new Agent { Id = "a2", Capacity = 6 }],
            Tasks = [Task("t1", 5), Task("t2", 5)],
            Overrides = [new TaskAgentOverride { TaskId = "t1", AgentId = "a1", Load = 30 }],
        };

        Assert.False(Diagnose(problem).ProvesInfeasible);
    }

    [Fact]
    public void Reports_total_load_over_total_capacity()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a1", Capacity = 10 }, new Agent { Id = "a2", Capacity = 10 }],
            Tasks = [Task("t1", 8), Task("t2", 8), Task("t3", 8)],
        };

        var conflict = Assert.Single(Diagnose(problem).Conflicts);

        Assert.Equal(ConflictKind.TotalCapacity, conflict.Kind);
        Assert.Equal(["t1", "t2", "t3"], conflict.TaskIds);
        Assert.Equal("tasks t1, t2, t3 together need at least load 24, more than the total capacity 20 of all agents", conflict.Message);
    }

    [Fact]
    public void Reports_a_task_that_fits_no_agent_with_each_agents_reason()
    {
        var problem = new SchedulingProblem
        {
            Agents =
            [
                new Agent { Id = "small", Capacity = 3 },
                new Agent { Id = "busy", Availability = [new TimeWindow(0, 2), new TimeWindow(5, 7)] },
            ],
            Tasks = [Task("big", 4)],
        };

        var conflict = Assert.Single(Diagnose(problem).Conflicts);

        Assert.Equal(ConflictKind.TaskFitsNoAgent, conflict.Kind);
        Assert.Equal(["big"], conflict.TaskIds);
        Assert.Contains("its load 4 exceeds small's capacity 3", conflict.Message);
        Assert.Contains("no window of busy after its release 0 holds its duration 4", conflict.Message);
    }

    [Fact]
    public void Reports_a_task_whose_skills_no_agent_has()
    {
        var problem = new SchedulingProblem { Agents = [new Agent { Id = "a", Skills = ["go"] }], Tasks = [Task("t", 1, "go", "rust")] };

        Assert.Equal("task t needs skill 'rust', which no agent has", Assert.Single(Diagnose(problem).Conflicts).Message);
    }

    [Fact]
    public void Reports_a_deadline_impossible_even_alone()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a" }],
            Tasks = [new SchedulingTask { Id = "t", Duration = 5, ReleaseTime = 3, Deadline = 6 }],
        };

        var conflict = Assert.Single(Diagnose(problem).Conflicts);

        Assert.Equal(ConflictKind.TaskFitsNoAgent, conflict.Kind);
        Assert.Contains("on a it ends at 8 at the earliest (release 3, duration 5), after its deadline 6", conflict.Message);
    }

    [Fact]
    public void Reports_pinned_overload_with_the_fewest_tasks()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a1", Capacity = 10 }, new Agent { Id = "a2", Capacity = 100 }],
            Tasks = [Task("t1", 2), Task("t2", 7), Task("t3", 6)],
            Pinned = [new Assignment("t1", "a1"), new Assignment("t2", "a1"), new Assignment("t3", "a1")],
        };

        var conflict = Assert.Single(Diagnose(problem).Conflicts);

        Assert.Equal(ConflictKind.PinnedOverload, conflict.Kind);
        Assert.Equal("tasks t2, t3 are pinned to a1; their load 13 exceeds its capacity 10", conflict.Message);
    }

    [Fact]
    public void Reports_a_dependency_chain_longer_than_its_deadline()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a" }, new Agent { Id = "b" }],
            Tasks =
            [
                new SchedulingTask { Id = "design", Duration = 4, ReleaseTime = 1 },
                new SchedulingTask { Id = "unrelated", Duration = 9 },
                new SchedulingTask { Id = "build", Duration = 5, Dependencies = ["design"] },
                new SchedulingTask { Id = "ship", Duration = 3, Dependencies = ["build", "unrelated"], Deadline = 12 },
            ],
        };

        var conflict = Assert.Single(Diagnose(problem).Conflicts);

        Assert.Equal(ConflictKind.DependencyChainTooLong, conflict.Kind);
        Assert.Equal(["design", "build", "ship"], conflict.TaskIds);
        Assert.Equal("dependency chain design → build → ship (each before the next) starts at design's release 1 and takes at least 4 + 5 + 3, so ship ends at 13 at the earliest, after its deadline 12", conflict.Message);
    }

    [Fact]
    public void Reports_tasks_that_need_more_time_before_their_deadlines_than_their_agents_have()
    {
        // Each fits alone; on the one 'sql' agent (working 0..4 and 6..10) the three due by 9 need 8 of the 7 hours there.
        var problem = new SchedulingProblem
        {
            Agents =
            [
                new Agent { Id = "db", Skills = ["sql"], Availability = [new TimeWindow(0, 4), new TimeWindow(6, 10)] },
                new Agent { Id = "web", Skills = ["js"] },
            ],
            Tasks =
            [
                new SchedulingTask { Id = "q1", RequiredSkills = ["sql"], Duration = 3, Deadline = 9 },
                new SchedulingTask { Id = "q2", RequiredSkills = ["sql"], Duration = 3, Deadline = 9, ReleaseTime = 1 },
                new SchedulingTask { Id = "q3", RequiredSkills = ["sql"], Duration = 2, Deadline = 9 },
                new SchedulingTask { Id = "q4", RequiredSkills = ["sql"], Duration = 1, Deadline = 40 },
                new SchedulingTask { Id = "ui", RequiredSkills = ["js"], Duration = 9, Deadline = 9 },
            ],
        };

        var conflict = Assert.Single(Diagnose(problem).Conflicts);

        Assert.Equal(ConflictKind.DeadlineGroupTime, conflict.Kind);
        Assert.Equal(["q1", "q2", "q3"], conflict.TaskIds);
        Assert.Equal(["db"], conflict.AgentIds);
        Assert.Equal("tasks q1, q2, q3 can only run on agent db (by skills and pins), between their earliest release 0 and latest deadline 9; they need at least 8 time units, but db has only 7 available then", conflict.Message);
    }

    [Fact]
    public void Reports_a_dependency_cycle_in_a_problem_built_in_code()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a" }],
            Tasks = [new SchedulingTask { Id = "x", Dependencies = ["z"] }, new SchedulingTask { Id = "y", Dependencies = ["x"] }, new SchedulingTask { Id = "z", Dependencies = ["y"] }],
        };

        var conflict = Assert.Single(Diagnose(problem).Conflicts);

        Assert.Equal(ConflictKind.DependencyCycle, conflict.Kind);
        Assert.Equal("tasks x → z → y → x depend on each other in a cycle (each depends on the next)", conflict.Message);
    }

    [Fact]
    public void Optional_tasks_cause_no_conflict_but_pinned_ones_still_do()
    {
        var tooBig = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Capacity = 5 }],
            Tasks = [Task("t1", 4), Task("t2", 4)],
            Constraints = new ConstraintSettings { AllowUnassigned = true },
        };
        Assert.False(Diagnose(tooBig).ProvesInfeasible);

        var pinned = tooBig with { Pinned = [new Assignment("t1", "a"), new Assignment("t2", "a")] };
        Assert.Equal(ConflictKind.PinnedOverload, Assert.Single(Diagnose(pinned).Conflicts).Kind);
    }

    [Fact]
    public void Soft_constraints_cause_no_conflict()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Capacity = 5 }],
            Tasks = [new SchedulingTask { Id = "t", Duration = 8, Deadline = 2 }],
            Constraints = new ConstraintSettings { Capacity = ConstraintLevel.Soft(1), Deadlines = ConstraintLevel.Soft(1) },
        };

        Assert.False(Diagnose(problem).ProvesInfeasible);
    }

    [Fact]
    public void Every_proven_conflict_is_sound_on_random_problems()
    {
        // A problem with a proven conflict must have no feasible assignment: try them all on small ones.
        var checkedProblems = 0;
        for (var seed = 0; seed < 400 && checkedProblems < 30; seed++)
        {
            var problem = RandomProblems.Create(seed);
            var instance = ProblemInstance.Compile(problem);
            if (Math.Pow(instance.AgentCount + 1, instance.TaskCount) > 3_000 || !InfeasibilityDiagnoser.Diagnose(instance).ProvesInfeasible)
                continue;
            checkedProblems++;
            var evaluator = new ObjectiveEvaluator(instance);
            foreach (var assignment in AllAssignments(instance.TaskCount, instance.AgentCount))
                Assert.False(evaluator.Evaluate(assignment).IsFeasible, $"seed {seed}: [{string.Join(",", assignment)}] is feasible despite {InfeasibilityDiagnoser.Diagnose(instance).Summary}");
        }
        Assert.True(checkedProblems >= 10, $"only {checkedProblems} small infeasible problems generated");
    }

    private static IEnumerable<int[]> AllAssignments(int tasks, int agents)
    {
        var current = new int[tasks];
        Array.Fill(current, -1);
        while (true)
        {
            yield return current;
            var i = 0;
            while (i < tasks && ++current[i] == agents)
                current[i++] = -1;
            if (i == tasks)
                yield break;
        }
    }
}

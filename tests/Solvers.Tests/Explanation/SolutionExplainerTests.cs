using QuantumScheduler.Solvers.Checking;
using QuantumScheduler.Solvers.Explanation;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Scheduling;

namespace QuantumScheduler.Solvers.Tests.Explanation;

public sealed class SolutionExplainerTests
{
    private static SolutionExplanation Explain(SchedulingProblem problem, params int[] agentOfTask)
    {
        var instance = ProblemInstance.Compile(problem);
        var schedule = new ScheduleBuilder(instance).Build(agentOfTask);
        return SolutionExplainer.Explain(instance, schedule, FeasibilityChecker.Check(instance, schedule));
    }

    private static readonly ConstraintSettings Optional = new() { AllowUnassigned = true, UnassignedPenalty = 10 };

    [Fact]
    public void Names_the_tasks_over_capacity_on_an_agent()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a1", Capacity = 10 }, new Agent { Id = "a3", Capacity = 6 }],
            Tasks = [new SchedulingTask { Id = "t1", Duration = 4 }, new SchedulingTask { Id = "t2", Duration = 3 }, new SchedulingTask { Id = "t3", Duration = 2 }],
            Constraints = new ConstraintSettings { Capacity = ConstraintLevel.Soft(5) },
        };

        var explanation = Explain(problem, 1, 1, 0);

        var capacity = explanation.Terms.Single(t => t.Name == "Capacity");
        Assert.Equal(ScoreTermKind.Soft, capacity.Kind);
        Assert.Equal(5, capacity.Value); // excess 1 × weight 5
        var contribution = Assert.Single(capacity.Contributions);
        Assert.Equal(["t1", "t2"], contribution.TaskIds);
        Assert.Equal(["a3"], contribution.AgentIds);
        Assert.Contains("agent a3 carries load 7 over its capacity 6", contribution.Description);
    }

    [Fact]
    public void Breaks_a_weighted_mix_into_its_terms()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", CostRate = 2, Capacity = 10 }],
            Tasks = [new SchedulingTask { Id = "t1", Duration = 3, Deadline = 2, Priority = 2 }, new SchedulingTask { Id = "t2", Duration = 1 }],
            Objective = new Objective { Kind = ObjectiveKind.WeightedMix, Weights = new ObjectiveWeights { Cost = 1, Makespan = 10, WeightedTardiness = 100, LoadBalance = 1000 } },
            Constraints = new ConstraintSettings { Deadlines = ConstraintLevel.Soft(1) },
        };

        var terms = Explain(problem, 0, 0).Terms.ToDictionary(t => t.Name);

        Assert.Equal(8, terms["TotalCost"].Value);
        Assert.Equal(40, terms["Makespan"].Value);
        Assert.Equal(["t2"], Assert.Single(terms["Makespan"].Contributions).TaskIds);
        Assert.Equal(200, terms["WeightedTardiness"].Value); // 1 late × priority 2 × weight 100
        Assert.Equal(400, terms["LoadBalance"].Value);       // 4 / 10 × 1000
        Assert.Equal(2, terms["Deadline"].Value);            // soft: weight 1 × priority 2 × 1 late
    }

    [Fact]
    public void An_unassigned_task_whose_skill_nobody_has()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Skills = ["go"] }],
            Tasks = [new SchedulingTask { Id = "t", RequiredSkills = ["go", "rust"] }],
            Constraints = Optional,
        };

        var reason = Assert.Single(Explain(problem, -1).Unassigned);

        Assert.Equal(new UnassignedTaskReason("t", UnassignedReasonKind.NoSkilledAgent, "no agent has skill 'rust'"), reason);
    }

    [Fact]
    public void An_unassigned_task_that_depends_on_an_unassigned_one()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Skills = ["go"] }],
            Tasks = [new SchedulingTask { Id = "t1", RequiredSkills = ["rust"] }, new SchedulingTask { Id = "t2", Dependencies = ["t1"] }],
            Constraints = Optional,
        };

        var reasons = Explain(problem, -1, -1).Unassigned;

        Assert.Equal(UnassignedReasonKind.DependsOnUnassigned, reasons[1].Kind);
        Assert.Equal("it depends on unassigned task t1", reasons[1].Reason);
    }

    [Fact]
    public void An_unassigned_task_that_fits_no_window()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Availability = [new TimeWindow(0, 3)] }],
            Tasks = [new SchedulingTask { Id = "t", Duration = 5 }],
            Constraints = Optional,
        };

        var reason = Assert.Single(Explain(problem, -1).Unassigned);

        Assert.Equal(UnassignedReasonKind.NoAvailabilityWindow, reason.Kind);
        Assert.Equal("no availability window of an eligible agent fits: a's windows after time 0 are too short for duration 5 (longest window 3)", reason.Reason);
    }

    [Fact]
    public void An_unassigned_task_whose_agents_are_booked_or_too_late()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Availability = [new TimeWindow(0, 4)] }, new Agent { Id = "b" }],
            Tasks = [new SchedulingTask { Id = "long", Duration = 4 }, new SchedulingTask { Id = "other", Duration = 6 }, new SchedulingTask { Id = "t", Duration = 2, Deadline = 5 }],
            Constraints = Optional,
        };

        var reason = Assert.Single(Explain(problem, 0, 1, -1).Unassigned);

        Assert.Equal(UnassignedReasonKind.EveryAgentRuledOut, reason.Kind);
        Assert.Contains("a's windows after time 0 are booked by its other tasks", reason.Reason);
        Assert.Contains("b is busy until it could only end at 8, after its deadline 5", reason.Reason);
    }

    [Fact]
    public void An_unassigned_task_an_agent_could_have_taken()
    {
        var problem = new SchedulingProblem
        {
            Agents = [new Agent { Id = "a", Capacity = 10 }],
            Tasks = [new SchedulingTask { Id = "t", Duration = 2, Priority = 3 }],
            Constraints = Optional,
        };

        var reason = Assert.Single(Explain(problem, -1).Unassigned);

        Assert.Equal(UnassignedReasonKind.NotWorthAssigning, reason.Kind);
        Assert.Equal("agent a could take it, but leaving it unassigned cost less (penalty 30)", reason.Reason);
    }
}

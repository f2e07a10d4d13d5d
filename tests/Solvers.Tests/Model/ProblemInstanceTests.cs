using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Tests.Model;

/// <summary>The compiled view is where cost, load and duration are defined for every pair; the checker relies on it.</summary>
public sealed class ProblemInstanceTests
{
    private static readonly SchedulingProblem Problem = new()
    {
        Agents =
        [
            new Agent { Id = "a", Skills = ["go"], CostRate = 2, Capacity = 10 },
            new Agent { Id = "b", Skills = ["go", "sql"], CostRate = 3 },
        ],
        Tasks =
        [
            new SchedulingTask { Id = "plain", Duration = 4 },
            new SchedulingTask { Id = "loaded", Duration = 4, Load = 1, RequiredSkills = ["sql"] },
            new SchedulingTask { Id = "faster-on-b", Duration = 6, Dependencies = ["plain"] },
        ],
        Overrides =
        [
            new TaskAgentOverride { TaskId = "faster-on-b", AgentId = "b", Duration = 2 },
            new TaskAgentOverride { TaskId = "loaded", AgentId = "b", Duration = 8, Cost = 5 },
            new TaskAgentOverride { TaskId = "plain", AgentId = "a", Load = 9 },
        ],
        Pinned = [new Assignment("plain", "b")],
    };

    private static readonly ProblemInstance Instance = ProblemInstance.Compile(Problem);

    [Fact]
    public void Defaults_follow_duration_and_cost_rate()
    {
        Assert.Equal((12.0, 6.0, 6.0), (Instance.Cost(2, 0), Instance.Load(2, 0), Instance.Duration(2, 0)));
        Assert.Equal(double.PositiveInfinity, Instance.Capacity[1]);
    }

    [Fact]
    public void A_duration_override_moves_the_default_cost_and_load()
    {
        Assert.Equal((6.0, 2.0, 2.0), (Instance.Cost(2, 1), Instance.Load(2, 1), Instance.Duration(2, 1)));
    }

    [Fact]
    public void A_task_load_and_an_explicit_cost_win_over_the_duration()
    {
        Assert.Equal((5.0, 1.0, 8.0), (Instance.Cost(1, 1), Instance.Load(1, 1), Instance.Duration(1, 1)));
        Assert.Equal(9, Instance.Load(0, 0));
    }

    [Fact]
    public void Eligibility_comes_from_skills_and_pins()
    {
        Assert.False(Instance.IsEligible(1, 0));
        Assert.Equal([1], Instance.EligibleAgents[1]);
        Assert.Equal([1], Instance.EligibleAgents[0]); // pinned to b
        Assert.Equal(1, Instance.PinnedAgent[0]);
        Assert.Equal([0], Instance.Predecessors[2]);
    }
}

using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Solvers.Tests.Solving;

public sealed class WarmStartTests
{
    private static readonly SchedulingProblem Problem = new()
    {
        Agents = [new Agent { Id = "a" }, new Agent { Id = "b" }],
        Tasks = [new SchedulingTask { Id = "t1" }, new SchedulingTask { Id = "t2" }, new SchedulingTask { Id = "t3" }],
    };

    [Fact]
    public void No_initial_solution_means_no_warm_start() => Assert.Null(WarmStart.AgentOfTask(ProblemInstance.Compile(Problem)));

    [Fact]
    public void Maps_the_initial_solution_and_applies_pins()
    {
        var problem = Problem with
        {
            InitialSolution = [new Assignment("t1", "b"), new Assignment("t2", "a")],
            Pinned = [new Assignment("t2", "b")],
        };

        Assert.Equal([1, 1, -1], WarmStart.AgentOfTask(ProblemInstance.Compile(problem))!);
    }
}

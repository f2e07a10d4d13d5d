using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Mip;
using QuantumScheduler.Solvers.Evaluation;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.SolverBench.Tests;

/// <summary>The cbc command, fed the LP export, must agree with the in-process backend beyond plain GAP.</summary>
public sealed class CbcCliSolverTests
{
    public static TheoryData<ObjectiveKind> Objectives() => [ObjectiveKind.TotalCost, ObjectiveKind.LoadBalance, ObjectiveKind.Makespan];

    [Theory]
    [MemberData(nameof(Objectives))]
    public async Task Cbc_command_and_backend_find_the_same_optimum(ObjectiveKind kind)
    {
        var problem = new SchedulingProblem
        {
            Agents =
            [
                new Agent { Id = "a", Capacity = 5, CostRate = 1, Skills = ["x"] },
                new Agent { Id = "b", Capacity = 6, CostRate = 3 },
                new Agent { Id = "c", CostRate = 7 },
            ],
            Tasks = [.. new[] { 3.0, 2, 4, 1, 2 }.Select((d, i) => new SchedulingTask { Id = $"t{i}", Duration = d, Priority = i + 1, RequiredSkills = i == 2 ? ["x"] : [] })],
            Pinned = [new Assignment("t4", "b")],
            Objective = new Objective { Kind = kind },
            Constraints = new ConstraintSettings { Capacity = ConstraintLevel.Soft(4), AllowUnassigned = true, UnassignedPenalty = 9 },
        };
        var instance = ProblemInstance.Compile(problem);
        var options = new SolveOptions { TimeLimit = TimeSpan.FromSeconds(20) };

        var cli = await new CbcCliSolver().SolveAsync(instance, options, CancellationToken.None);
        var backend = await new ClassicalMipBackend().SolveAsync(instance, options, null, CancellationToken.None);

        Assert.Equal(TerminationReason.Optimal, cli.Termination);
        var evaluator = new ObjectiveEvaluator(instance);
        Assert.Equal(evaluator.Evaluate(backend.AgentOfTask).PenalizedObjective, evaluator.Evaluate(cli.AgentOfTask).PenalizedObjective, 6);
        Assert.Equal(backend.Bound!.Value, cli.Bound!.Value, 6);
        Assert.Equal(instance.AgentIndex["b"], cli.AgentOfTask[instance.TaskIndex["t4"]]);
    }

    [Fact]
    public void Missing_command_is_reported_unavailable()
    {
        Assert.Equal("the \"cbc-not-installed\" command was not found (install coinor-cbc)", new CbcCliSolver("cbc-not-installed").Unavailable);
    }
}

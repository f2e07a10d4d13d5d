using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Diagnosis;
using QuantumScheduler.Solvers.IO.Json;
using QuantumScheduler.Solvers.Solving;
using QuantumScheduler.Solvers.Tests.Solving;

namespace QuantumScheduler.Solvers.Tests.IO;

public sealed class ExampleProblemTests
{
    public static TheoryData<string> Examples() => new(Directory.GetFiles(TestPaths.Examples, "*.json").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_reads_and_validates(string file)
    {
        var result = ProblemJsonReader.ReadFile(Path.Combine(TestPaths.Examples, file));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), result.Problem.Name);
    }

    [Theory]
    [InlineData("team-with-skills.json")]
    [InlineData("release-with-dependencies.json")]
    [InlineData("gap-like.json")]
    public async Task The_feasible_examples_have_a_feasible_schedule(string file)
    {
        var problem = ProblemJsonReader.ReadFile(Path.Combine(TestPaths.Examples, file)).Problem!;

        var solution = await new SolverPipeline().SolveAsync(problem, new GreedyTestBackend(), new SolveOptions());

        Assert.True(solution.IsFeasible, string.Join("\n", solution.Violations));
        Assert.Empty(solution.UnassignedTaskIds);
    }

    [Fact]
    public async Task The_infeasible_example_is_diagnosed()
    {
        var problem = ProblemJsonReader.ReadFile(Path.Combine(TestPaths.Examples, "infeasible-rust-capacity.json")).Problem!;

        var solution = await new SolverPipeline().SolveAsync(problem, new GreedyTestBackend(), new SolveOptions());

        Assert.Equal(SolutionStatus.Infeasible, solution.Status);
        var conflict = Assert.Single(solution.Diagnosis!.Conflicts);
        Assert.Equal(ConflictKind.SkillGroupCapacity, conflict.Kind);
        Assert.Equal("tasks t4, t9 need skill 'rust'; only agent a2 has it; their load 50 exceeds its capacity 40", conflict.Message);
    }

    [Fact]
    public void There_are_examples_for_a_new_user() => Assert.True(Examples().Count >= 4);
}

using QuantumScheduler.Client.Tests.Fixtures;
using QuantumScheduler.Solvers.IO.Json;

namespace QuantumScheduler.Client.Tests.Cli;

/// <summary><c>qs solve</c>: offline, through the solver pipeline, no silo.</summary>
public sealed class SolveCommandTests
{
    [Fact]
    public async Task A_timed_problem_prints_its_assignments_and_a_gantt_chart_with_every_agent_and_task()
    {
        var file = Examples.PathOf("release-with-dependencies.json");

        var run = await CliRunner.RunRealAsync("solve", file, "--time-limit", "0.5");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Feasible", run.Output, StringComparison.Ordinal);
        Assert.Contains("Schedule by agent over time", run.Output, StringComparison.Ordinal);
        var chart = ChartOf(run.Output);
        var problem = ProblemJsonReader.ReadFile(file).Problem!;
        Assert.All(problem.Agents, agent => Assert.Contains(chart, line => line.StartsWith(agent.Id + " ", StringComparison.Ordinal)));
        Assert.All(problem.Tasks, task => Assert.Contains(task.Id, string.Join('\n', chart), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_problem_without_durations_is_drawn_as_load_per_agent()
    {
        var run = await CliRunner.RunRealAsync("solve", Examples.PathOf("gap-like.json"), "--time-limit", "0.5", "--backend", "classical-mip");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Load by agent", run.Output, StringComparison.Ordinal);
        Assert.Contains("classical-mip", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_infeasible_problem_exits_1_with_its_violations_and_diagnosis()
    {
        var run = await CliRunner.RunRealAsync("solve", Examples.PathOf("infeasible-rust-capacity.json"), "--time-limit", "0.5");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("violations:", run.Output, StringComparison.Ordinal);
        Assert.Contains("diagnosis:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_exits_2_naming_the_file_and_every_error_with_its_path()
    {
        var file = Path.Combine(Path.GetTempPath(), $"qs-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, BadProblems.ThreeErrors);
        try
        {
            var run = await CliRunner.RunRealAsync("solve", file);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains(file, run.Output, StringComparison.Ordinal);
            Assert.All(BadProblems.ThreeErrorPaths, path => Assert.Contains(path + ":", run.Output, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("solve", "/no/such/problem.json")]
    [InlineData("solve")]
    [InlineData("solve", "examples/gap-like.json", "--time-limit", "soon")]
    [InlineData("frobnicate")]
    public async Task Usage_errors_and_missing_files_exit_2(params string[] args)
    {
        var run = await CliRunner.RunRealAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
    }

    [Fact]
    public async Task An_unknown_backend_exits_2_listing_the_known_ones()
    {
        var run = await CliRunner.RunRealAsync("solve", Examples.PathOf("gap-like.json"), "--backend", "quantum-magic");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("classical-tabu", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backend_that_cannot_take_the_problem_exits_2_with_its_reasons()
    {
        var run = await CliRunner.RunRealAsync("solve", Examples.PathOf("release-with-dependencies.json"), "--backend", "annealing");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("refused", run.Output, StringComparison.Ordinal);
        Assert.Contains("dependencies", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The chart's lines: from its title to the axis.</summary>
    internal static List<string> ChartOf(string output)
    {
        var lines = output.Split('\n').Select(static l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(static l => l.StartsWith("Schedule by agent", StringComparison.Ordinal) || l.StartsWith("Load by agent", StringComparison.Ordinal) || l.StartsWith("Tasks by agent", StringComparison.Ordinal));
        Assert.True(start >= 0, "no chart in:\n" + output);
        var end = lines.FindIndex(start, static l => l.Contains('└', StringComparison.Ordinal));
        return lines[(start + 1)..end];
    }
}

using QuantumScheduler.Client.Tests.Fixtures;
using QuantumScheduler.Grains.Jobs;
using QuantumScheduler.Solvers.IO.Json;

namespace QuantumScheduler.Client.Tests.Cli;

/// <summary>The qs commands that talk to the service, run in-process against the shared in-process silo.</summary>
[Collection(SchedulingClusterCollection.Name)]
public sealed class ServiceCommandTests(SchedulingClusterFixture fixture)
{
    private Task<CliRun> Qs(params string[] args) => CliRunner.RunAsync(fixture.Cluster.Client, args);

    [Fact]
    public async Task Submit_with_watch_prints_the_events_in_order_then_the_schedule()
    {
        var run = await Qs("submit", Examples.PathOf("team-with-skills.json"), "--watch", "--backend", "classical-tabu", "--time-limit", "0.5",
            "--tenant", SchedulingClusterFixture.NewTenant());

        Assert.True(run.ExitCode == 0, run.ToString());
        var events = run.Output.Split('\n').Where(static l => l.StartsWith('#')).ToList();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(static n => $"#{n}"), events.Select(static l => l.Split(' ')[0]));
        Assert.StartsWith("#1  Submitted", events[0], StringComparison.Ordinal);
        Assert.Contains("Completed", events[^1], StringComparison.Ordinal);
        Assert.Contains("is Completed", run.Output, StringComparison.Ordinal);
        Assert.Contains("Schedule by agent over time", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_then_status_result_and_cost_by_the_printed_id()
    {
        var file = Examples.PathOf("release-with-dependencies.json");
        var submit = await Qs("submit", file, "--backend", "classical-tabu", "--time-limit", "0.5", "--request-id", Guid.NewGuid().ToString("N"),
            "--tenant", SchedulingClusterFixture.NewTenant());
        Assert.True(submit.ExitCode == 0, submit.ToString());
        var id = submit.SubmittedJobId();
        Assert.Contains($"qs status {id}", submit.Output, StringComparison.Ordinal);
        await fixture.Client.WaitAsync(id, TimeSpan.FromSeconds(60));

        var status = await Qs("status", id);
        var result = await Qs("result", id);
        var cost = await Qs("cost", id);

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("Completed", status.Output, StringComparison.Ordinal);
        Assert.Contains("classical-tabu", status.Output, StringComparison.Ordinal);
        Assert.True(result.ExitCode == 0, result.ToString());
        var chart = SolveCommandTests.ChartOf(result.Output);
        var problem = ProblemJsonReader.ReadFile(file).Problem!;
        Assert.All(problem.Agents, agent => Assert.Contains(chart, line => line.StartsWith(agent.Id + " ", StringComparison.Ordinal)));
        Assert.All(problem.Tasks, task => Assert.Contains(task.Id, string.Join('\n', chart), StringComparison.Ordinal));
        Assert.True(cost.ExitCode == 0, cost.ToString());
        Assert.Contains("CoreSeconds", cost.Output, StringComparison.Ordinal);
        Assert.Contains((await fixture.Client.GetCostAsync(id)).Total.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) + " USD", cost.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_stops_a_running_job()
    {
        var job = await fixture.Client.SubmitFileAsync(Examples.PathOf("team-with-skills.json"),
            new SubmitOptions { Backend = "classical-tabu", TimeLimit = TimeSpan.FromSeconds(30), Tenant = SchedulingClusterFixture.NewTenant(), UseCache = false });

        var run = await Qs("cancel", job.JobId, "--reason", "from the cli");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("is Cancelled", run.Output, StringComparison.Ordinal);
        Assert.Equal(JobState.Cancelled, (await fixture.Client.WaitAsync(job.JobId, TimeSpan.FromSeconds(30))).State);
        var result = await Qs("result", job.JobId);
        Assert.True(result.ExitCode == 1, result.ToString());
    }

    [Fact]
    public async Task Submitting_an_invalid_problem_exits_2_with_the_servers_errors_and_their_paths()
    {
        var file = Path.Combine(Path.GetTempPath(), $"qs-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, BadProblems.ThreeErrors);
        try
        {
            var run = await Qs("submit", file);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.All(BadProblems.ThreeErrorPaths, path => Assert.Contains(path, run.Output, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(2, "submit", "examples/does-not-exist.json")]
    [InlineData(2, "submit", "{gap}", "--backend", "quantum-magic")]
    [InlineData(2, "submit", "{gap}", "--time-limit", "-1")]
    [InlineData(4, "status", "job-nobody-submitted")]
    [InlineData(4, "result", "job-nobody-submitted")]
    [InlineData(4, "cost", "job-nobody-submitted")]
    [InlineData(2, "budget", "someone", "--daily", "lots")]
    [InlineData(2, "budget", "someone", "--enforcement", "maybe")]
    public async Task Refusals_exit_with_their_documented_code(int exitCode, params string[] args)
    {
        var run = await Qs(args.Select(static a => a == "{gap}" ? Examples.PathOf("gap-like.json") : a).ToArray());

        Assert.True(run.ExitCode == exitCode, run.ToString());
    }

    [Fact]
    public async Task A_submit_beyond_the_budget_exits_5_naming_the_budget()
    {
        var tenant = SchedulingClusterFixture.NewTenant();
        Assert.Equal(0, (await Qs("budget", tenant, "--daily", "0")).ExitCode);

        var run = await Qs("submit", Examples.PathOf("gap-like.json"), "--tenant", tenant, "--backend", "classical-tabu");

        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Contains(tenant, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backends_lists_every_backend_with_its_breaker()
    {
        var run = await Qs("backends");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(Solvers.Backends.Registry.BackendRegistry.CreateDefault().Names, name => Assert.Contains(name, run.Output, StringComparison.Ordinal));
        Assert.Contains("closed", run.Output, StringComparison.Ordinal);
        Assert.Contains("quantum-hardware: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_changes_only_the_limits_given_and_shows_the_budget()
    {
        var tenant = SchedulingClusterFixture.NewTenant();

        var set = await Qs("budget", tenant, "--daily", "5", "--monthly", "80", "--currency", "EUR");
        var changed = await Qs("budget", tenant, "--monthly", "none", "--enforcement", "soft");

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains("daily 5, monthly 80 EUR", set.Output, StringComparison.Ordinal);
        Assert.True(changed.ExitCode == 0, changed.ToString());
        Assert.Contains("daily 5, monthly unlimited EUR (soft", changed.Output, StringComparison.Ordinal);
        Assert.Contains(tenant, changed.Output, StringComparison.Ordinal);
    }
}

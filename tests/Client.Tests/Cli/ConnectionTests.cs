using QuantumScheduler.Client.Tests.Fixtures;

namespace QuantumScheduler.Client.Tests.Cli;

/// <summary>The real connector: an embedded silo that needs nothing else running, and clear errors without one.</summary>
public sealed class ConnectionTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "qs-embedded-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Submit_embedded_watch_runs_the_job_in_process_and_later_commands_see_it()
    {
        var submit = await CliRunner.RunRealAsync("submit", Examples.PathOf("release-with-dependencies.json"), "--embedded", "--watch",
            "--data-dir", _dataDirectory, "--time-limit", "0.5");

        Assert.True(submit.ExitCode == 0, submit.ToString());
        Assert.Contains("Completed", submit.Output, StringComparison.Ordinal);
        Assert.Contains("Schedule by agent over time", submit.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "quantum-scheduler.db")));

        // A second process-like run on the same data directory finds the job in the SQLite state.
        var status = await CliRunner.RunRealAsync("status", submit.SubmittedJobId(), "--embedded", "--data-dir", _dataDirectory);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("Completed", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_embedded_or_a_gateway_it_exits_3_and_says_what_to_pass()
    {
        var run = await CliRunner.RunRealAsync("status", "job-1");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("--gateway", run.Output, StringComparison.Ordinal);
        Assert.Contains("--embedded", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_gateway_exits_3_naming_it()
    {
        var run = await CliRunner.RunRealAsync("backends", "--gateway", "127.0.0.1:1", "--connect-timeout", "0.5");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("Cannot connect to the gateway 127.0.0.1:1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_that_is_not_host_and_port_exits_3_saying_so()
    {
        var run = await CliRunner.RunRealAsync("backends", "--gateway", "nonsense");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("not host:port", run.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }
}

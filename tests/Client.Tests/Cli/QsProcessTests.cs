using System.Diagnostics;
using QuantumScheduler.Client.Tests.Fixtures;

namespace QuantumScheduler.Client.Tests.Cli;

/// <summary>The built qs, run as a real process.</summary>
public sealed class QsProcessTests
{
    [Fact]
    public async Task Qs_solve_of_an_example_runs_as_a_process_and_exits_0()
    {
        var qs = Path.Combine(AppContext.BaseDirectory, "qs.dll");
        Assert.True(File.Exists(qs), $"{qs} was not built");
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { qs, "solve", Examples.PathOf("team-with-skills.json"), "--time-limit", "0.5" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Examples.RepositoryRoot,
        })!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await error}");
            Assert.Contains("Feasible", await output, StringComparison.Ordinal);
            Assert.Contains("login-api", await output, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }
}

using QuantumScheduler.Cli;
using QuantumScheduler.Cli.Connection;
using QuantumScheduler.Runtime;
using Spectre.Console;

namespace QuantumScheduler.Client.Tests.Fixtures;

/// <summary>Runs qs commands in-process through their handlers, with a captured, plain-text console.</summary>
public static class CliRunner
{
    public const int Width = 120;

    /// <summary>Runs against a cluster the test already has (no embedded silo, no gateway).</summary>
    internal static Task<CliRun> RunAsync(IClusterClient cluster, params string[] args) => RunAsync(new ExistingClusterConnector(cluster), args);

    /// <summary>Runs with the real connector (embedded silo or gateway) and an empty environment.</summary>
    internal static Task<CliRun> RunRealAsync(params string[] args) => RunAsync(new ClusterConnector(), args);

    internal static async Task<CliRun> RunAsync(IClusterConnector connector, string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = Width;
        var exitCode = await QsCommandLine.RunAsync(args, new CliContext(console, connector, static _ => null));
        return new CliRun(exitCode, output.ToString());
    }

    /// <summary>Sessions over an existing cluster client; disconnecting leaves the cluster running.</summary>
    private sealed class ExistingClusterConnector(IClusterClient cluster) : IClusterConnector
    {
        public Task<IClusterSession> ConnectAsync(ConnectionSettings settings, CancellationToken cancellationToken) =>
            Task.FromResult<IClusterSession>(new Session(new QuantumSchedulerClient(cluster, new QuantumSchedulerClientOptions { EventPollWait = TimeSpan.FromSeconds(2) })));

        private sealed class Session(QuantumSchedulerClient client) : IClusterSession
        {
            public QuantumSchedulerClient Client { get; } = client;

            public bool IsEmbedded => false;

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}

/// <summary>What a qs run printed and exited with.</summary>
public sealed record CliRun(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}:\n{Output}";

    /// <summary>The job id a submit printed.</summary>
    public string SubmittedJobId()
    {
        var line = Output.Split('\n').First(static l => l.StartsWith("submitted job ", StringComparison.Ordinal));
        return line["submitted job ".Length..].Split(' ')[0];
    }
}

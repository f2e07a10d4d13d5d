using QuantumScheduler.Cli.Connection;
using Spectre.Console;

namespace QuantumScheduler.Cli;

/// <summary>What the commands work with, injected so tests run them in-process with a captured console.</summary>
/// <param name="Console">Where output goes.</param>
/// <param name="Connector">Opens sessions with the service.</param>
/// <param name="Environment">Reads an environment variable.</param>
internal sealed record CliContext(IAnsiConsole Console, IClusterConnector Connector, Func<string, string?> Environment)
{
    public static CliContext ForProcess() => new(AnsiConsole.Console, new ClusterConnector(), System.Environment.GetEnvironmentVariable);
}

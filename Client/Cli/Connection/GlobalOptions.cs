using System.CommandLine;
using QuantumScheduler.Cli.Errors;

namespace QuantumScheduler.Cli.Connection;

/// <summary>The options every command that talks to the service accepts: where the service is.</summary>
internal sealed class GlobalOptions
{
    /// <summary>The gateway of a running cluster when <c>--gateway</c> is not given.</summary>
    public const string GatewayVariable = "QUANTUM_SCHEDULER_GATEWAY";

    /// <summary>The embedded silo's data directory when <c>--data-dir</c> is not given.</summary>
    public const string DataDirectoryVariable = "QS_DATA_DIR";

    public Option<bool> Embedded { get; } = new("--embedded")
    {
        Description = "Run a silo inside this process (state in the data directory) instead of connecting to a cluster.",
    };

    public Option<string?> Gateway { get; } = new("--gateway")
    {
        Description = $"The gateway of a running cluster, host:port (default: ${GatewayVariable}).",
    };

    public Option<string?> DataDirectory { get; } = new("--data-dir")
    {
        Description = $"The embedded silo's state directory (default: ${DataDirectoryVariable}, else ~/.quantum-scheduler).",
    };

    public Option<double> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "Seconds to keep trying to reach the gateway.",
        DefaultValueFactory = static _ => GatewayConnection.DefaultConnectTimeout.TotalSeconds,
    };

    public IEnumerable<Option> All => [Embedded, Gateway, DataDirectory, ConnectTimeout];

    public ConnectionSettings Read(ParseResult parseResult, Func<string, string?> environment) => new(
        parseResult.GetValue(Embedded),
        parseResult.GetValue(Gateway) ?? environment(GatewayVariable),
        parseResult.GetValue(DataDirectory) ?? environment(DataDirectoryVariable) ?? DefaultDataDirectory(),
        parseResult.GetValue(ConnectTimeout) is > 0 and var seconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"--connect-timeout must be a positive number of seconds (was {parseResult.GetValue(ConnectTimeout)})."));

    private static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".quantum-scheduler");
}

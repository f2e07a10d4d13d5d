namespace QuantumScheduler.Cli.Connection;

/// <summary>Where the commands that talk to the service find it.</summary>
/// <param name="Embedded">Run a silo inside this process instead of connecting to a cluster.</param>
/// <param name="Gateway">A gateway of a running cluster (<c>host:port</c>), when not embedded.</param>
/// <param name="DataDirectory">Where the embedded silo keeps its SQLite state, so later <c>--embedded</c> commands see
/// the same jobs.</param>
/// <param name="ConnectTimeout">How long to keep trying to reach the gateway.</param>
internal sealed record ConnectionSettings(bool Embedded, string? Gateway, string DataDirectory, TimeSpan ConnectTimeout);

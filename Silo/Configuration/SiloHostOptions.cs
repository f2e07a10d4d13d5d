namespace QuantumScheduler.Silo.Configuration;

/// <summary>The silo process's own settings. Bound from <c>QuantumScheduler:Host</c>; the data directory
/// also comes from the environment variable <c>QUANTUM_SCHEDULER_DATA_DIR</c>.</summary>
public sealed class SiloHostOptions
{
    public const string SectionName = "QuantumScheduler:Host";

    /// <summary>The environment variable that sets <see cref="DataDirectory"/>.</summary>
    public const string DataDirectoryVariable = "QUANTUM_SCHEDULER_DATA_DIR";

    /// <summary>Where the HTTP endpoints (<c>/health</c>) listen. Default: <c>http://127.0.0.1:8080</c>.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Where the SQLite database with grain state and reminders lives; created when missing.
    /// Default: <c>data</c> under the current directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Which cluster this silo joins when it runs clustered (PostgreSQL and
    /// <c>QuantumScheduler:Endpoints:SiloPort</c>): silos and clients of one cluster share a database and this id,
    /// several clusters may share one database. Default: <c>default</c>.</summary>
    public string ClusterId { get; set; } = "default";
}

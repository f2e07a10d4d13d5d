namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>Options of a provider whose rows belong to one cluster, so several clusters can share one schema.</summary>
public abstract class PostgreSqlClusterOptions : PostgreSqlStorageOptions
{
    /// <summary>The default <see cref="ClusterId"/>.</summary>
    public const string DefaultClusterId = "default";

    /// <summary>Which cluster's rows this silo reads and writes. Default: <see cref="DefaultClusterId"/>.</summary>
    public string ClusterId { get; set; } = DefaultClusterId;
}

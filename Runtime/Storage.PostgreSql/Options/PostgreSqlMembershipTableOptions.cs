namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>Options of the <see cref="PostgreSqlMembershipTable"/>.</summary>
public sealed class PostgreSqlMembershipTableOptions : PostgreSqlStorageOptions
{
    /// <summary>The default <see cref="ClusterId"/>.</summary>
    public const string DefaultClusterId = "default";

    /// <summary>Which cluster's rows this silo reads and writes; several clusters can share one schema. Default: <see cref="DefaultClusterId"/>.</summary>
    public string ClusterId { get; set; } = DefaultClusterId;
}

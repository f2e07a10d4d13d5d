namespace QuantumScheduler.Runtime.Client;

/// <summary>Gateways read from the cluster's PostgreSQL membership table: every Active silo with a gateway port.
/// Bound from <c>QuantumScheduler:Client:PostgreSql</c>.</summary>
public sealed class PostgreSqlGatewayListOptions
{
    public const string SectionName = "QuantumScheduler:Client:PostgreSql";

    /// <summary>The Npgsql connection string of the cluster's database. Required. The client only reads.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema holding the membership table. Default: <c>public</c>.</summary>
    public string Schema { get; set; } = "public";

    /// <summary>Which cluster's silos to use. Default: <c>default</c>.</summary>
    public string ClusterId { get; set; } = "default";
}

namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>Options of the <see cref="PostgreSqlMembershipTable"/>.</summary>
public sealed class PostgreSqlMembershipTableOptions : PostgreSqlClusterOptions;

namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>Options of the <see cref="PostgreSqlGrainDirectory"/>.</summary>
public sealed class PostgreSqlGrainDirectoryOptions : PostgreSqlClusterOptions;

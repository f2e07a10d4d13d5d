namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>Options of the <see cref="PostgreSqlReminderTable"/>.</summary>
public sealed class PostgreSqlReminderTableOptions : PostgreSqlStorageOptions;

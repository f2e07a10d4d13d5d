namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>Options of one named <see cref="PostgreSqlGrainStorage"/> (named options: the provider's name is the options name).</summary>
public sealed class PostgreSqlGrainStorageOptions : PostgreSqlStorageOptions;

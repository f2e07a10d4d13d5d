namespace QuantumScheduler.Runtime.Storage.Sqlite;

/// <summary>Options of one named <see cref="SqliteGrainStorage"/> (named options: the provider's name is the options name).</summary>
public sealed class SqliteGrainStorageOptions : SqliteStorageOptions;

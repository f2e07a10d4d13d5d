using Npgsql;
using QuantumScheduler.ClusterTestSilo;
using QuantumScheduler.Runtime.PostgreSql.Tests.Infrastructure;

namespace QuantumScheduler.Cluster.Tests.Harness;

/// <summary>
/// A fresh, empty database for one test class (a class fixture of a <see cref="ClusterCollection"/> class), and
/// the queries tests use to read what the silos and test grains wrote there.
/// </summary>
public sealed class ClusterDatabase(PostgreSqlServer server) : IAsyncLifetime
{
    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The cluster database is not created yet.");

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every row of <see cref="TestTables.Activations"/> for grains whose key starts with <paramref name="keyPrefix"/>.</summary>
    public Task<IReadOnlyList<ActivationRow>> ActivationsAsync(string keyPrefix) =>
        QueryAsync($"SELECT grain_key, silo, pid, deactivated_at IS NOT NULL FROM {TestTables.Activations} WHERE grain_key LIKE @prefix || '%' ORDER BY id;",
            static row => new ActivationRow(row.GetString(0), row.GetString(1), row.GetInt32(2), row.GetBoolean(3)), ("prefix", keyPrefix));

    /// <summary>Every row of <see cref="TestTables.ReminderTicks"/> for the grain <paramref name="grainKey"/>, oldest first.</summary>
    public Task<IReadOnlyList<ReminderTickRow>> ReminderTicksAsync(string grainKey) =>
        QueryAsync($"SELECT reminder_name, silo, tick_time, recorded_at FROM {TestTables.ReminderTicks} WHERE grain_key = @key ORDER BY id;",
            static row => new ReminderTickRow(row.GetString(0), row.GetString(1), row.GetDateTime(2), row.GetDateTime(3)), ("key", grainKey));

    /// <summary>Runs <paramref name="sql"/> and returns its single value.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
            rows.Add(read(reader));
        return rows;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }
}

/// <summary>One activation a test grain recorded: where it lived, and whether it deactivated gracefully.</summary>
public sealed record ActivationRow(string GrainKey, string Silo, int ProcessId, bool Deactivated);

/// <summary>One reminder tick a test grain recorded, with the silo that received it.</summary>
public sealed record ReminderTickRow(string ReminderName, string Silo, DateTime TickTime, DateTime RecordedAt);

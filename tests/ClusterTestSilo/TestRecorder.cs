using Microsoft.Extensions.Options;
using Npgsql;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.ClusterTestSilo;

/// <summary>Writes the test grains' records into <see cref="TestTables"/>, stamped with this silo's name and process id.</summary>
public sealed class TestRecorder(IOptions<TestSiloOptions> options, LocalSilo silo)
{
    private readonly string _connectionString = options.Value.ConnectionString;

    public string SiloName => silo.Name;

    /// <summary>Records a new activation of <paramref name="grainKey"/> and returns its row id.</summary>
    public async Task<long> ActivatedAsync(string grainKey, CancellationToken cancellationToken) =>
        (long)(await ScalarAsync(
            $"INSERT INTO {TestTables.Activations} (grain_key, silo, pid) VALUES (@key, @silo, @pid) RETURNING id;", cancellationToken,
            ("key", grainKey), ("silo", silo.Name), ("pid", Environment.ProcessId)))!;

    /// <summary>Marks the activation row <paramref name="activationRow"/> deactivated.</summary>
    public Task DeactivatedAsync(long activationRow, CancellationToken cancellationToken) =>
        ScalarAsync($"UPDATE {TestTables.Activations} SET deactivated_at = clock_timestamp() WHERE id = @id;", cancellationToken, ("id", activationRow));

    /// <summary>Records one reminder tick received here.</summary>
    public Task TickAsync(string grainKey, string reminderName, DateTime tickTime, CancellationToken cancellationToken) =>
        ScalarAsync($"INSERT INTO {TestTables.ReminderTicks} (grain_key, reminder_name, silo, tick_time) VALUES (@key, @reminder, @silo, @tick);",
            cancellationToken, ("key", grainKey), ("reminder", reminderName), ("silo", silo.Name), ("tick", DateTime.SpecifyKind(tickTime, DateTimeKind.Utc)));

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}

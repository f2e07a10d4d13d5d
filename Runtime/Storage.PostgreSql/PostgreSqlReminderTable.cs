using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>
/// Reminder rows in a PostgreSQL table shared by the silos of a cluster. Rows carry the grain's uniform hash,
/// indexed, so a silo reads exactly the ring range it owns.
/// </summary>
/// <remarks>The ETag comes from a sequence: every upsert takes a new one, so ETags are never reused, even after a
/// remove and a re-registration.</remarks>
public sealed class PostgreSqlReminderTable : IReminderTable, IAsyncDisposable, IDisposable
{
    private const string Columns = "etag, grain_id, reminder_name, start_at, period";

    private readonly PostgreSqlDatabase _database;

    public PostgreSqlReminderTable(PostgreSqlReminderTableOptions options, ILogger<PostgreSqlReminderTable>? logger = null) =>
        _database = new PostgreSqlDatabase(options, logger ?? NullLogger<PostgreSqlReminderTable>.Instance, "reminder table");

    /// <summary>Creates and migrates the schema if needed; otherwise done by the first operation.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.InitializeAsync(cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint beginHash, uint endHash, CancellationToken cancellationToken)
    {
        var predicate = new RingRange(beginHash, endHash).Wraps
            ? "grain_hash > @begin OR grain_hash <= @end"
            : "grain_hash > @begin AND grain_hash <= @end";
        return QueryAsync($"SELECT {Columns} FROM reminders WHERE {predicate};", command =>
        {
            command.Parameters.AddWithValue("begin", (long)beginHash);
            command.Parameters.AddWithValue("end", (long)endHash);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM reminders WHERE grain_id = @grain;",
            command => command.Parameters.AddWithValue("grain", grainId.ToString()), cancellationToken);

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT {Columns} FROM reminders WHERE grain_id = @grain AND reminder_name = @name;", command =>
        {
            command.Parameters.AddWithValue("grain", grainId.ToString());
            command.Parameters.AddWithValue("name", reminderName);
        }, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ReminderEntryValidation.ThrowIfInvalid(entry);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // excluded.etag is the new row's sequence default, so a replaced row gets a fresh ETag too.
        await using var command = new NpgsqlCommand(
            "INSERT INTO reminders (grain_id, reminder_name, grain_hash, start_at, period) VALUES (@grain, @name, @hash, @start, @period) " +
            "ON CONFLICT (grain_id, reminder_name) DO UPDATE SET grain_hash = excluded.grain_hash, start_at = excluded.start_at, " +
            "period = excluded.period, etag = excluded.etag RETURNING etag;", connection);
        command.Parameters.AddWithValue("grain", entry.GrainId.ToString());
        command.Parameters.AddWithValue("name", entry.ReminderName);
        command.Parameters.AddWithValue("hash", (long)entry.GrainId.GetUniformHashCode());
        command.Parameters.AddWithValue("start", entry.StartAt.Ticks);
        command.Parameters.AddWithValue("period", entry.Period.Ticks);
        var etag = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
            return false;
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("DELETE FROM reminders WHERE grain_id = @grain AND reminder_name = @name AND etag = @etag;", connection);
        command.Parameters.AddWithValue("grain", grainId.ToString());
        command.Parameters.AddWithValue("name", reminderName);
        command.Parameters.AddWithValue("etag", expected);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => _database.Dispose();

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ReminderEntry
            {
                ETag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
                GrainId = GrainId.Parse(reader.GetString(1)),
                ReminderName = reader.GetString(2),
                StartAt = new DateTime(reader.GetInt64(3), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(4)),
            });
        }
        return rows;
    }
}

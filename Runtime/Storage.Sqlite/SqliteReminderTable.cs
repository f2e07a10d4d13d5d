using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Runtime.Storage.Sqlite;

/// <summary>
/// Reminder rows in a SQLite file. Rows carry the grain's uniform hash, indexed, so a silo reads exactly the
/// ring range it owns.
/// </summary>
/// <remarks>The ETag is the row's AUTOINCREMENT key: an upsert replaces the row with a new key, so ETags are
/// never reused, even after a remove and a re-registration.</remarks>
public sealed class SqliteReminderTable : IReminderTable, IDisposable
{
    private const string Columns = "etag, grain_id, reminder_name, start_at, period";

    private readonly SqliteDatabase _database;

    public SqliteReminderTable(SqliteReminderTableOptions options, ILogger<SqliteReminderTable>? logger = null) =>
        _database = new SqliteDatabase(options, logger ?? NullLogger<SqliteReminderTable>.Instance, "reminder table");

    /// <summary>The database file's full path.</summary>
    public string DatabasePath => _database.FilePath;

    /// <summary>Creates and migrates the database if needed; otherwise done by the first operation.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.InitializeAsync(cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint beginHash, uint endHash, CancellationToken cancellationToken)
    {
        var predicate = new RingRange(beginHash, endHash).Wraps
            ? "grain_hash > $begin OR grain_hash <= $end"
            : "grain_hash > $begin AND grain_hash <= $end";
        return QueryAsync($"SELECT {Columns} FROM reminders WHERE {predicate};", command =>
        {
            command.Parameters.AddWithValue("$begin", (long)beginHash);
            command.Parameters.AddWithValue("$end", (long)endHash);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM reminders WHERE grain_id = $grain;",
            command => command.Parameters.AddWithValue("$grain", grainId.ToString()), cancellationToken);

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT {Columns} FROM reminders WHERE grain_id = $grain AND reminder_name = $name;", command =>
        {
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
        }, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ReminderEntryValidation.ThrowIfInvalid(entry);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT OR REPLACE INTO reminders (grain_id, reminder_name, grain_hash, start_at, period) " +
            "VALUES ($grain, $name, $hash, $start, $period) RETURNING etag;";
        command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
        command.Parameters.AddWithValue("$name", entry.ReminderName);
        command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
        command.Parameters.AddWithValue("$start", entry.StartAt.Ticks);
        command.Parameters.AddWithValue("$period", entry.Period.Ticks);
        var etag = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
            return false;
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM reminders WHERE grain_id = $grain AND reminder_name = $name AND etag = $etag;";
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$name", reminderName);
        command.Parameters.AddWithValue("$etag", expected);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public void Dispose() => _database.Dispose();

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
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

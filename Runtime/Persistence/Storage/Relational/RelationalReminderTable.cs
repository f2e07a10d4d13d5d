using System.Data.Common;
using System.Globalization;
using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Runtime.Storage.Relational;

/// <summary>
/// Reminder rows in one relational table (<c>reminders</c>), shared by the SQLite and PostgreSQL providers: they
/// differ only in how a connection is opened and in the upsert that gives a replaced row a fresh ETag. Rows carry the
/// grain's uniform hash, indexed, so a silo reads exactly the ring range it owns.
/// </summary>
/// <remarks>ETags are never reused, even after a remove and a re-registration: each provider's upsert takes a new key.</remarks>
public abstract class RelationalReminderTable : IReminderTable
{
    private const string Columns = "etag, grain_id, reminder_name, start_at, period";

    private readonly string _upsertReturningEtag;

    /// <param name="upsertReturningEtag">Inserts or replaces the row of (<c>@grain</c>, <c>@name</c>) with <c>@hash</c>,
    /// <c>@start</c> and <c>@period</c>, giving it a new ETag, and returns that ETag.</param>
    protected RelationalReminderTable(string upsertReturningEtag) => _upsertReturningEtag = upsertReturningEtag;

    /// <summary>An open connection to the initialised database; the caller disposes it.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Runs one write statement on an open connection and returns once it is durable. By default on a
    /// connection of its own; a provider may group writes into shared transactions.</summary>
    protected virtual Task<T> RunWriteAsync<T>(Func<DbConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken) =>
        OwnConnectionWrite.RunAsync(OpenConnectionAsync, write, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint beginHash, uint endHash, CancellationToken cancellationToken)
    {
        var predicate = new RingRange(beginHash, endHash).Wraps
            ? "grain_hash > @begin OR grain_hash <= @end"
            : "grain_hash > @begin AND grain_hash <= @end";
        return QueryAsync($"SELECT {Columns} FROM reminders WHERE {predicate};", command =>
        {
            command.AddParameter("begin", (long)beginHash);
            command.AddParameter("end", (long)endHash);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM reminders WHERE grain_id = @grain;",
            command => command.AddParameter("grain", grainId.ToString()), cancellationToken);

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync($"SELECT {Columns} FROM reminders WHERE grain_id = @grain AND reminder_name = @name;", command =>
        {
            command.AddParameter("grain", grainId.ToString());
            command.AddParameter("name", reminderName);
        }, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ReminderEntryValidation.ThrowIfInvalid(entry);
        return RunWriteAsync((connection, cancellation) => UpsertOnAsync(connection, entry, cancellation), cancellationToken);
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
            return false;
        return await RunWriteAsync(async (connection, cancellation) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM reminders WHERE grain_id = @grain AND reminder_name = @name AND etag = @etag;";
            command.AddParameter("grain", grainId.ToString());
            command.AddParameter("name", reminderName);
            command.AddParameter("etag", expected);
            return await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> UpsertOnAsync(DbConnection connection, ReminderEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _upsertReturningEtag;
        command.AddParameter("grain", entry.GrainId.ToString());
        command.AddParameter("name", entry.ReminderName);
        command.AddParameter("hash", (long)entry.GrainId.GetUniformHashCode());
        command.AddParameter("start", entry.StartAt.Ticks);
        command.AddParameter("period", entry.Period.Ticks);
        var etag = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return etag.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
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

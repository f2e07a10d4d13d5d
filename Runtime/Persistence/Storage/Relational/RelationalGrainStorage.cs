using System.Data;
using System.Data.Common;
using System.Globalization;

namespace QuantumScheduler.Runtime.Storage.Relational;

/// <summary>
/// Grain state in one relational table (<c>grain_state</c>), shared by the SQLite and PostgreSQL providers: they
/// differ only in how a connection is opened and how the database writes the current time. Each operation is one
/// statement on a pooled connection; a write is a single conditional statement, so the ETag check and the write are
/// atomic, even between silos sharing the database.
/// </summary>
/// <remarks>ETags are the row's decimal version. A null expected ETag writes only when no live record exists (no row,
/// or a tombstone), and a clear keeps a tombstone whose version keeps counting. Both databases accept <c>@name</c>
/// parameters and <c>INSERT … ON CONFLICT … RETURNING</c>.</remarks>
public abstract class RelationalGrainStorage : IGrainStorage
{
    private const string KeyPredicate =
        "storage_name = @storage AND grain_type = @type AND state_name = @state AND grain_id = @grain";

    private const string Select = $"SELECT payload, version FROM grain_state WHERE {KeyPredicate};";

    private readonly string _updateIfVersionMatches;
    private readonly string _insertIfNoLiveRecord;

    /// <param name="name">The provider's registered name; rows are keyed by it, so two providers can share one table.</param>
    /// <param name="currentTimestampSql">The SQL expression of the current time in the table's <c>modified_at</c> format.</param>
    protected RelationalGrainStorage(string name, string currentTimestampSql)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _updateIfVersionMatches =
            $"UPDATE grain_state SET payload = @payload, version = version + 1, modified_at = {currentTimestampSql} " +
            $"WHERE {KeyPredicate} AND version = @expected RETURNING version;";
        // Insert, or take over a tombstone; a live row makes the statement return nothing. Two racing inserts: the
        // second waits for the first's commit, then re-checks the WHERE against the committed row and returns nothing.
        _insertIfNoLiveRecord =
            "INSERT INTO grain_state (storage_name, grain_type, state_name, grain_id, payload, version) " +
            "VALUES (@storage, @type, @state, @grain, @payload, 1) " +
            "ON CONFLICT (storage_name, grain_type, state_name, grain_id) DO UPDATE SET " +
            $"payload = excluded.payload, version = grain_state.version + 1, modified_at = {currentTimestampSql} " +
            "WHERE grain_state.payload IS NULL RETURNING version;";
    }

    /// <summary>The provider's registered name.</summary>
    public string Name { get; }

    /// <summary>An open connection to the initialised database; the caller disposes it.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Runs one write (a conditional statement, and on refusal the read that explains it) on an open
    /// connection, and returns once it is durable. By default on a connection of its own; a provider may group
    /// writes into shared transactions.</summary>
    protected virtual Task<T> RunWriteAsync<T>(Func<DbConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken) =>
        OwnConnectionWrite.RunAsync(OpenConnectionAsync, write, cancellationToken);

    public async Task<GrainStateRecord?> ReadAsync(string grainType, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        GrainStorageArguments.ThrowIfInvalid(grainType, stateName, grainId);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var stored = await ReadStoredAsync(connection, grainType, stateName, grainId, cancellationToken).ConfigureAwait(false);
        return stored is { Payload: { } payload } ? new GrainStateRecord(payload, stored.Value.Etag) : null;
    }

    public Task<string> WriteAsync(string grainType, string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken)
    {
        GrainStorageArguments.ThrowIfInvalid(grainType, stateName, grainId);
        return ReplaceAsync("write", grainType, stateName, grainId, data.ToArray(), expectedEtag, cancellationToken);
    }

    public Task<string> ClearAsync(string grainType, string stateName, GrainId grainId, string? expectedEtag, CancellationToken cancellationToken)
    {
        GrainStorageArguments.ThrowIfInvalid(grainType, stateName, grainId);
        return ReplaceAsync("clear", grainType, stateName, grainId, payload: null, expectedEtag, cancellationToken);
    }

    private Task<string> ReplaceAsync(string operation, string grainType, string stateName, GrainId grainId, byte[]? payload, string? expectedEtag, CancellationToken cancellationToken) =>
        RunWriteAsync((connection, cancellation) => ReplaceOnAsync(connection, operation, grainType, stateName, grainId, payload, expectedEtag, cancellation), cancellationToken);

    private async Task<string> ReplaceOnAsync(DbConnection connection, string operation, string grainType, string stateName, GrainId grainId, byte[]? payload, string? expectedEtag, CancellationToken cancellationToken)
    {
        // An ETag that is not a version can match nothing: it is refused like a stale one.
        long expectedVersion = 0;
        if (expectedEtag is null || long.TryParse(expectedEtag, NumberStyles.None, CultureInfo.InvariantCulture, out expectedVersion))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = expectedEtag is null ? _insertIfNoLiveRecord : _updateIfVersionMatches;
            AddKey(command, grainType, stateName, grainId);
            // An empty payload is stored as an empty binary value, never as NULL (which would read as a tombstone).
            command.AddParameter("payload", (object?)payload ?? DBNull.Value, DbType.Binary);
            if (expectedEtag is not null)
                command.AddParameter("expected", expectedVersion);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long written)
                return written.ToString(CultureInfo.InvariantCulture);
        }

        // Refused: read what is there only to say so; nothing was written.
        var stored = await ReadStoredAsync(connection, grainType, stateName, grainId, cancellationToken).ConfigureAwait(false);
        throw GrainStorageConflict.Create(Name, operation, grainType, stateName, grainId, expectedEtag, stored?.Etag, stored is { Payload: null });
    }

    private async Task<StoredState?> ReadStoredAsync(DbConnection connection, string grainType, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Select;
        AddKey(command, grainType, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;
        var payload = reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
        return new StoredState(payload, reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
    }

    private void AddKey(DbCommand command, string grainType, string stateName, GrainId grainId)
    {
        command.AddParameter("storage", Name);
        command.AddParameter("type", grainType);
        command.AddParameter("state", stateName);
        command.AddParameter("grain", grainId.ToString());
    }

    private readonly record struct StoredState(byte[]? Payload, string Etag);
}

using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>
/// Grain state in a PostgreSQL table shared by the silos of a cluster. Each operation is one statement on a
/// pooled connection; a write is a single conditional statement, so the ETag check and the write are atomic even
/// between silos.
/// </summary>
/// <remarks>ETags are the row's decimal version. A null expected ETag writes only when no live record exists
/// (no row, or a tombstone), and a clear keeps a tombstone whose version keeps counting.</remarks>
public sealed class PostgreSqlGrainStorage : IGrainStorage, IAsyncDisposable, IDisposable
{
    private const string KeyPredicate =
        "storage_name = @storage AND grain_type = @type AND state_name = @state AND grain_id = @grain";

    private const string UpdateIfVersionMatches =
        $"UPDATE grain_state SET payload = @payload, version = version + 1, modified_at = now() " +
        $"WHERE {KeyPredicate} AND version = @expected RETURNING version;";

    // Insert, or take over a tombstone; a live row makes the statement return nothing. Two racing inserts: the
    // second waits for the first's commit, then re-checks the WHERE against the committed row and returns nothing.
    private const string InsertIfNoLiveRecord =
        "INSERT INTO grain_state (storage_name, grain_type, state_name, grain_id, payload, version) " +
        "VALUES (@storage, @type, @state, @grain, @payload, 1) " +
        "ON CONFLICT (storage_name, grain_type, state_name, grain_id) DO UPDATE SET " +
        "payload = excluded.payload, version = grain_state.version + 1, modified_at = now() " +
        "WHERE grain_state.payload IS NULL RETURNING version;";

    private const string Select = $"SELECT payload, version FROM grain_state WHERE {KeyPredicate};";

    private readonly PostgreSqlDatabase _database;

    public PostgreSqlGrainStorage(string name, PostgreSqlGrainStorageOptions options, ILogger<PostgreSqlGrainStorage>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _database = new PostgreSqlDatabase(options, logger ?? NullLogger<PostgreSqlGrainStorage>.Instance, $"grain storage '{name}'");
    }

    /// <summary>The provider's registered name; rows are keyed by it, so two providers can share one table.</summary>
    public string Name { get; }

    /// <summary>Creates and migrates the schema if needed; otherwise done by the first operation.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.InitializeAsync(cancellationToken);

    public async Task<GrainStateRecord?> ReadAsync(string grainType, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        GrainStorageArguments.ThrowIfInvalid(grainType, stateName, grainId);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
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

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => _database.Dispose();

    private async Task<string> ReplaceAsync(string operation, string grainType, string stateName, GrainId grainId, byte[]? payload, string? expectedEtag, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // An ETag that is not a version can match nothing: it is refused like a stale one.
        long expectedVersion = 0;
        if (expectedEtag is null || long.TryParse(expectedEtag, NumberStyles.None, CultureInfo.InvariantCulture, out expectedVersion))
        {
            await using var command = new NpgsqlCommand(expectedEtag is null ? InsertIfNoLiveRecord : UpdateIfVersionMatches, connection);
            AddKey(command, grainType, stateName, grainId);
            // An empty payload is stored as an empty bytea, never as NULL (which would read as a tombstone).
            command.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Bytea) { Value = (object?)payload ?? DBNull.Value });
            if (expectedEtag is not null)
                command.Parameters.AddWithValue("expected", expectedVersion);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long written)
                return written.ToString(CultureInfo.InvariantCulture);
        }

        // Refused: read what is there only to say so; nothing was written.
        var stored = await ReadStoredAsync(connection, grainType, stateName, grainId, cancellationToken).ConfigureAwait(false);
        throw GrainStorageConflict.Create(Name, operation, grainType, stateName, grainId, expectedEtag, stored?.Etag, stored is { Payload: null });
    }

    private async Task<StoredState?> ReadStoredAsync(NpgsqlConnection connection, string grainType, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Select, connection);
        AddKey(command, grainType, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;
        var payload = reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
        return new StoredState(payload, reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
    }

    private void AddKey(NpgsqlCommand command, string grainType, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("storage", Name);
        command.Parameters.AddWithValue("type", grainType);
        command.Parameters.AddWithValue("state", stateName);
        command.Parameters.AddWithValue("grain", grainId.ToString());
    }

    private readonly record struct StoredState(byte[]? Payload, string Etag);
}

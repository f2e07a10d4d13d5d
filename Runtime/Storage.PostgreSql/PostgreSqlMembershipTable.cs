using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;

namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>
/// The membership table of one cluster in PostgreSQL. A conditional write is one transaction: bump the cluster's
/// version row only if it still holds the writer's version (which locks it until commit, so a second writer with
/// the same version finds it changed and fails), then write the silo's row; if the row write is refused, the bump
/// is rolled back too.
/// </summary>
public sealed class PostgreSqlMembershipTable : IMembershipTable, IAsyncDisposable, IDisposable
{
    private const string SiloKey = "cluster_id = @cluster AND host = @host AND port = @port AND generation = @generation";

    private const string BumpVersion =
        "UPDATE membership_version SET version = version + 1, updated_at = now() WHERE cluster_id = @cluster AND version = @expected;";

    private readonly PostgreSqlDatabase _database;
    private readonly string _clusterId;
    private volatile bool _versionRowExists;

    public PostgreSqlMembershipTable(PostgreSqlMembershipTableOptions options, ILogger<PostgreSqlMembershipTable>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clusterId = options.ClusterId;
        _database = new PostgreSqlDatabase(options, logger ?? NullLogger<PostgreSqlMembershipTable>.Instance, $"membership table of cluster '{options.ClusterId}'");
    }

    /// <summary>Migrates the schema and creates the cluster's version row (version 0) if needed; otherwise done by the first operation.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);

    public async Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        // One statement, so the rows and the version come from the same snapshot; the LEFT JOIN returns the version
        // even when the cluster has no rows.
        await using var command = new NpgsqlCommand(
            "SELECT v.version, m.host, m.port, m.generation, m.status, m.proxy_port, m.suspicions::text, m.started_at, m.i_am_alive_at, m.etag " +
            "FROM membership_version v LEFT JOIN membership m ON m.cluster_id = v.cluster_id WHERE v.cluster_id = @cluster;", connection);
        command.Parameters.AddWithValue("cluster", _clusterId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        long version = 0;
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            version = reader.GetInt64(0);
            if (reader.IsDBNull(1))
                continue;
            var entry = new MembershipEntry
            {
                Silo = new SiloAddress(reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3)),
                Status = (SiloStatus)reader.GetInt16(4),
                ProxyPort = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                Suspicions = JsonSerializer.Deserialize<SuspectVote[]>(reader.GetString(6)) ?? [],
                StartedAt = reader.GetFieldValue<DateTime>(7),
                IAmAliveAt = reader.GetFieldValue<DateTime>(8),
            };
            rows.Add(new MembershipRow(entry, reader.GetInt64(9).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return new MembershipSnapshot(rows, version);
    }

    public Task<bool> InsertRowAsync(MembershipEntry entry, long tableVersion, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(entry);
        return WriteIfVersionMatchesAsync(tableVersion, entry,
            "INSERT INTO membership (cluster_id, host, port, generation, status, proxy_port, suspicions, started_at, i_am_alive_at) " +
            "VALUES (@cluster, @host, @port, @generation, @status, @proxy, @suspicions, @started, @alive) ON CONFLICT DO NOTHING;",
            etag: null, cancellationToken);
    }

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, long tableVersion, CancellationToken cancellationToken)
    {
        ThrowIfInvalid(entry);
        ArgumentNullException.ThrowIfNull(etag);
        if (!long.TryParse(etag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expectedEtag))
            return Task.FromResult(false);
        return WriteIfVersionMatchesAsync(tableVersion, entry,
            "UPDATE membership SET status = @status, proxy_port = @proxy, suspicions = @suspicions, started_at = @started, etag = etag + 1 " +
            $"WHERE {SiloKey} AND etag = @etag;",
            expectedEtag, cancellationToken);
    }

    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTime iAmAliveAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ThrowIfNotUtc(iAmAliveAt, nameof(iAmAliveAt));
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"UPDATE membership SET i_am_alive_at = @alive WHERE {SiloKey};", connection);
        AddSiloKey(command, silo);
        command.Parameters.AddWithValue("alive", iAmAliveAt);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            throw new InvalidOperationException($"Silo {silo} has no row in the membership table of cluster '{_clusterId}'; insert it before sending IAmAlive.");
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => _database.Dispose();

    private async Task<bool> WriteIfVersionMatchesAsync(long tableVersion, MembershipEntry entry, string rowSql, long? etag, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var bump = new NpgsqlCommand(BumpVersion, connection, transaction))
        {
            bump.Parameters.AddWithValue("cluster", _clusterId);
            bump.Parameters.AddWithValue("expected", tableVersion);
            if (await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                return false; // disposing the transaction rolls it back
        }

        await using var write = new NpgsqlCommand(rowSql, connection, transaction);
        AddSiloKey(write, entry.Silo);
        write.Parameters.AddWithValue("status", (short)entry.Status);
        write.Parameters.AddWithValue("proxy", NpgsqlDbType.Integer, (object?)entry.ProxyPort ?? DBNull.Value);
        write.Parameters.AddWithValue("suspicions", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(entry.Suspicions));
        write.Parameters.AddWithValue("started", entry.StartedAt);
        write.Parameters.AddWithValue("alive", entry.IAmAliveAt);
        if (etag is { } expected)
            write.Parameters.AddWithValue("etag", expected);
        if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            return false;

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_versionRowExists)
            return connection;
        try
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO membership_version (cluster_id) VALUES (@cluster) ON CONFLICT DO NOTHING;", connection);
            command.Parameters.AddWithValue("cluster", _clusterId);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _versionRowExists = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void AddSiloKey(NpgsqlCommand command, SiloAddress silo)
    {
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("host", silo.Host);
        command.Parameters.AddWithValue("port", silo.Port);
        command.Parameters.AddWithValue("generation", silo.Generation);
    }

    private static void ThrowIfInvalid(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.Silo);
        if (!Enum.IsDefined(entry.Status))
            throw new ArgumentException($"Membership row of silo {entry.Silo}: status {(int)entry.Status} is not a {nameof(SiloStatus)}.", nameof(entry));
        ThrowIfNotUtc(entry.StartedAt, $"{nameof(entry)}.{nameof(entry.StartedAt)}");
        ThrowIfNotUtc(entry.IAmAliveAt, $"{nameof(entry)}.{nameof(entry.IAmAliveAt)}");
        foreach (var vote in entry.Suspicions)
            ThrowIfNotUtc(vote.At, $"{nameof(entry)}.{nameof(entry.Suspicions)}");
    }

    private static void ThrowIfNotUtc(DateTime time, string name)
    {
        if (time.Kind != DateTimeKind.Utc)
            throw new ArgumentException($"{name} must be UTC (DateTimeKind.Utc), got {time.Kind}.", name);
    }
}

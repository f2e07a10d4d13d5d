using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>
/// The cluster's grain directory in PostgreSQL: one row per grain, shared by every silo. Registration is one
/// statement that inserts the caller's address or returns the row already there, so the first writer wins and
/// every loser learns the winner.
/// </summary>
/// <remarks>Entries pointing at dead silos stay until <see cref="UnregisterSilosAsync"/> removes them; the engine
/// calls it when membership declares silos dead.</remarks>
public sealed class PostgreSqlGrainDirectory : IGrainDirectory, IAsyncDisposable, IDisposable
{
    private const string Columns = "activation_id, silo_host, silo_port, silo_generation";

    // ON CONFLICT DO NOTHING would return nothing when the winner committed after this statement's snapshot; the
    // no-op DO UPDATE waits for it, locks the committed row and returns it.
    private const string Register =
        "INSERT INTO grain_directory (cluster_id, grain_id, activation_id, silo_host, silo_port, silo_generation) " +
        "VALUES (@cluster, @grain, @activation, @host, @port, @generation) " +
        "ON CONFLICT (cluster_id, grain_id) DO UPDATE SET cluster_id = grain_directory.cluster_id " +
        $"RETURNING {Columns};";

    private readonly PostgreSqlDatabase _database;
    private readonly string _clusterId;

    public PostgreSqlGrainDirectory(PostgreSqlGrainDirectoryOptions options, ILogger<PostgreSqlGrainDirectory>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clusterId = options.ClusterId;
        _database = new PostgreSqlDatabase(options, logger ?? NullLogger<PostgreSqlGrainDirectory>.Instance, $"grain directory of cluster '{options.ClusterId}'");
    }

    /// <summary>Creates and migrates the schema if needed; otherwise done by the first operation.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.InitializeAsync(cancellationToken);

    public async ValueTask<GrainAddress> RegisterAsync(GrainAddress address, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(address);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(Register, connection);
        AddGrain(command, address.GrainId);
        command.Parameters.AddWithValue("activation", address.ActivationId);
        command.Parameters.AddWithValue("host", address.Silo.Host);
        command.Parameters.AddWithValue("port", address.Silo.Port);
        command.Parameters.AddWithValue("generation", address.Silo.Generation);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return ReadAddress(reader, address.GrainId);
    }

    public async ValueTask<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(address);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "DELETE FROM grain_directory WHERE cluster_id = @cluster AND grain_id = @grain AND activation_id = @activation;", connection);
        AddGrain(command, address.GrainId);
        command.Parameters.AddWithValue("activation", address.ActivationId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        if (grainId.IsDefault)
            throw new ArgumentException("Lookup was given the default (empty) GrainId.", nameof(grainId));
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM grain_directory WHERE cluster_id = @cluster AND grain_id = @grain;", connection);
        AddGrain(command, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAddress(reader, grainId) : null;
    }

    public async ValueTask UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silos);
        if (silos.Count == 0)
            return;
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "DELETE FROM grain_directory WHERE cluster_id = @cluster AND (silo_host, silo_port, silo_generation) IN " +
            "(SELECT * FROM unnest(@hosts, @ports, @generations));", connection);
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("hosts", silos.Select(s => s.Host).ToArray());
        command.Parameters.AddWithValue("ports", silos.Select(s => s.Port).ToArray());
        command.Parameters.AddWithValue("generations", silos.Select(s => s.Generation).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => _database.Dispose();

    private void AddGrain(NpgsqlCommand command, GrainId grainId)
    {
        command.Parameters.AddWithValue("cluster", _clusterId);
        command.Parameters.AddWithValue("grain", grainId.ToString());
    }

    private static GrainAddress ReadAddress(NpgsqlDataReader reader, GrainId grainId) =>
        new(grainId, reader.GetGuid(0), new SiloAddress(reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3)));

    private static void ThrowIfInvalid(GrainAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(address.Silo);
        if (address.GrainId.IsDefault)
            throw new ArgumentException($"Activation {address.ActivationId:N} on {address.Silo} has the default (empty) GrainId.", nameof(address));
    }
}

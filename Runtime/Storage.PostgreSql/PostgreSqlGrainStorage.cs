using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QuantumScheduler.Runtime.Storage.Relational;

namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>
/// Grain state in a PostgreSQL table shared by the silos of a cluster (the statements are
/// <see cref="RelationalGrainStorage"/>'s). Connections come from a pooled data source whose search path is the
/// provider's schema.
/// </summary>
public sealed class PostgreSqlGrainStorage : RelationalGrainStorage, IAsyncDisposable, IDisposable
{
    private readonly PostgreSqlDatabase _database;

    public PostgreSqlGrainStorage(string name, PostgreSqlGrainStorageOptions options, ILogger<PostgreSqlGrainStorage>? logger = null)
        : base(name, currentTimestampSql: "now()") =>
        _database = new PostgreSqlDatabase(options, logger ?? NullLogger<PostgreSqlGrainStorage>.Instance, $"grain storage '{name}'");

    /// <summary>Creates and migrates the schema if needed; otherwise done by the first operation.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.InitializeAsync(cancellationToken);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => _database.Dispose();

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
}

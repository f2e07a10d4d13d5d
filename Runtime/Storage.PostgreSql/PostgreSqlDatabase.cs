using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;
using QuantumScheduler.Runtime.Storage.PostgreSql.Schema;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Storage.PostgreSql;

/// <summary>
/// One provider's view of the database: a pooled data source whose connections use the provider's schema as the
/// search path, and the schema migrated once, before the first connection is handed out.
/// </summary>
internal sealed partial class PostgreSqlDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly InitializeOnce _initialization = new();
    private readonly ILogger _logger;
    private readonly string _owner;

    /// <param name="options">The connection string and the schema.</param>
    /// <param name="logger">Told which database is used once it is ready.</param>
    /// <param name="owner">What uses the database, for messages (e.g. "grain storage 'Default'").</param>
    public PostgreSqlDatabase(PostgreSqlStorageOptions options, ILogger logger, string owner)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new PostgreSqlStorageOptionsValidator<PostgreSqlStorageOptions>().Validate(null, options);
        if (validation.Failed)
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        _logger = logger;
        _owner = owner;
        Schema = options.Schema;
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { SearchPath = options.Schema };
        Endpoint = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public string Schema { get; }

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public string Endpoint { get; }

    /// <summary>The schema version after initialisation.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Creates the schema if needed and applies pending migrations. Idempotent; a failed attempt is retried
    /// by the next call.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _initialization.RunAsync(async cancellation =>
        {
            await using var connection = await OpenConnectionAsync(cancellation).ConfigureAwait(false);
            SchemaVersion = await PostgreSqlSchemaMigrator.MigrateAsync(connection, Schema, PostgreSqlSchema.Migrations, cancellation).ConfigureAwait(false);
            LogReady(_owner, Endpoint, Schema, SchemaVersion);
        }, cancellationToken);

    /// <summary>An open connection to the initialised database; dispose it to return it to the pool.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        _initialization.Dispose();
        return _dataSource.DisposeAsync();
    }

    public void Dispose()
    {
        _initialization.Dispose();
        _dataSource.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL {Owner} uses {Endpoint}, schema {Schema} (schema version {SchemaVersion})")]
    private partial void LogReady(string owner, string endpoint, string schema, int schemaVersion);

    private async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            // Npgsql's own message names neither the provider nor where it tried to connect.
            throw new InvalidOperationException($"PostgreSQL {_owner} cannot connect to {Endpoint}: {exception.Message}", exception);
        }
    }
}

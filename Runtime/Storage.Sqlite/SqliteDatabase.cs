using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using QuantumScheduler.Runtime.Storage.Sqlite.Schema;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Storage.Sqlite;

/// <summary>
/// One database file: opens pooled connections to it (one per operation) and migrates its schema once, before
/// the first connection is handed out.
/// </summary>
internal sealed partial class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private readonly InitializeOnce _initialization = new();
    private readonly ILogger _logger;
    private readonly string _owner;

    /// <param name="options">Where the file is and how connections behave.</param>
    /// <param name="logger">Told where the database is once it is ready.</param>
    /// <param name="owner">What uses the file, for that log line (e.g. "grain storage 'Default'").</param>
    public SqliteDatabase(SqliteStorageOptions options, ILogger logger, string owner)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _owner = owner;
        FilePath = options.DatabasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        var synchronous = options.Synchronous == SqliteSynchronousMode.Normal ? "NORMAL" : "FULL";
        _connectionPragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {synchronous};");
    }

    public string FilePath { get; }

    /// <summary>The schema version after initialisation.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Creates the directory and the file if needed and applies pending migrations. Idempotent; a failed
    /// attempt is retried by the next call.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _initialization.RunAsync(async cancellation =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using var connection = await OpenConnectionAsync(cancellation).ConfigureAwait(false);
            SchemaVersion = await SqliteSchemaMigrator.MigrateAsync(connection, SqliteSchema.Migrations, cancellation).ConfigureAwait(false);
            LogReady(_owner, FilePath, SchemaVersion);
        }, cancellationToken);

    /// <summary>An open connection to the initialised database; dispose it to return it to the pool.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the pooled connections to the file (and so checkpoints the WAL).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _initialization.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite {Owner} uses {FilePath} (schema version {SchemaVersion})")]
    private partial void LogReady(string owner, string filePath, int schemaVersion);

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per-connection settings: SQLite itself waits on a locked file instead of failing at once under
            // concurrent writers, and commits are as durable as configured.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = _connectionPragmas;
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using QuantumScheduler.Runtime.Storage.Sqlite.Schema;
using QuantumScheduler.Runtime.Storage.Sqlite.Writing;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Storage.Sqlite;

/// <summary>
/// One database file: migrates its schema once, before the first operation; reads on pooled connections (one per
/// operation); writes through the file's shared <see cref="SqliteWriteQueue"/>, which commits concurrent writes together.
/// </summary>
internal sealed partial class SqliteDatabase : IDisposable
{
    private readonly SqliteConnectionFactory _connections;
    private readonly SqliteWriteQueue _writes;
    private readonly InitializeOnce _initialization = new();
    private readonly ILogger _logger;
    private readonly string _owner;
    private int _disposed;

    /// <param name="options">Where the file is and how connections behave.</param>
    /// <param name="logger">Told where the database is once it is ready.</param>
    /// <param name="owner">What uses the file, for that log line (e.g. "grain storage 'Default'").</param>
    public SqliteDatabase(SqliteStorageOptions options, ILogger logger, string owner)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _owner = owner;
        _connections = new SqliteConnectionFactory(options);
        _writes = SharedWriteQueues.Acquire(_connections);
    }

    public string FilePath => _connections.FilePath;

    /// <summary>The schema version after initialisation.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Transactions the file's write queue has committed (shared with other providers on the same file).</summary>
    public long WriteCommits => _writes.Commits;

    /// <summary>Creates the directory and the file if needed and applies pending migrations. Idempotent; a failed
    /// attempt is retried by the next call.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _initialization.RunAsync(async cancellation =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using var connection = await _connections.OpenAsync(cancellation).ConfigureAwait(false);
            SchemaVersion = await SqliteSchemaMigrator.MigrateAsync(connection, SqliteSchema.Migrations, cancellation).ConfigureAwait(false);
            LogReady(_owner, FilePath, SchemaVersion);
        }, cancellationToken);

    /// <summary>An open connection to the initialised database, for reading; dispose it to return it to the pool.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="write"/> in the file's next group commit; completes once it is committed.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        // After disposal nothing may touch the file again (it may be being deleted or moved).
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _writes.WriteAsync(write, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the pooled connections to the file (and so checkpoints the WAL).</summary>
    public void Dispose()
    {
        // Once only: a second release would take the file's shared queue from another provider still using it.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        SharedWriteQueues.Release(_connections);
        using var connection = new SqliteConnection(_connections.ConnectionString);
        SqliteConnection.ClearPool(connection);
        _initialization.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite {Owner} uses {FilePath} (schema version {SchemaVersion})")]
    private partial void LogReady(string owner, string filePath, int schemaVersion);
}

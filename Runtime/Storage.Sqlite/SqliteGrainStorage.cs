using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QuantumScheduler.Runtime.Storage.Relational;

namespace QuantumScheduler.Runtime.Storage.Sqlite;

/// <summary>
/// Grain state in a SQLite file, the embedded single-silo default (the statements are
/// <see cref="RelationalGrainStorage"/>'s). Two providers may share one file: rows are keyed by provider name.
/// </summary>
public sealed class SqliteGrainStorage : RelationalGrainStorage, IDisposable
{
    private readonly SqliteDatabase _database;

    public SqliteGrainStorage(string name, SqliteGrainStorageOptions options, ILogger<SqliteGrainStorage>? logger = null)
        : base(name, currentTimestampSql: "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')") =>
        _database = new SqliteDatabase(options, logger ?? NullLogger<SqliteGrainStorage>.Instance, $"grain storage '{name}'");

    /// <summary>The database file's full path.</summary>
    public string DatabasePath => _database.FilePath;

    /// <summary>Transactions committed by the file's shared write queue so far.</summary>
    internal long WriteCommits => _database.WriteCommits;

    /// <summary>Creates and migrates the database if needed; otherwise done by the first operation.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _database.InitializeAsync(cancellationToken);

    public void Dispose() => _database.Dispose();

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _database.OpenAsync(cancellationToken).ConfigureAwait(false);

    // Concurrent writes to the file share transactions: one commit (one fsync) makes a whole batch durable.
    protected override Task<T> RunWriteAsync<T>(Func<DbConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken) =>
        _database.WriteAsync(write, cancellationToken);
}

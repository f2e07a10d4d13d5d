using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QuantumScheduler.Runtime.Storage.Relational;

namespace QuantumScheduler.Runtime.Storage.Sqlite;

/// <summary>
/// Reminder rows in a SQLite file (the statements are <see cref="RelationalReminderTable"/>'s). The ETag is the
/// row's AUTOINCREMENT key: the upsert replaces the row with a new key, so ETags are never reused.
/// </summary>
public sealed class SqliteReminderTable : RelationalReminderTable, IDisposable
{
    private const string Upsert =
        "INSERT OR REPLACE INTO reminders (grain_id, reminder_name, grain_hash, start_at, period) " +
        "VALUES (@grain, @name, @hash, @start, @period) RETURNING etag;";

    private readonly SqliteDatabase _database;

    public SqliteReminderTable(SqliteReminderTableOptions options, ILogger<SqliteReminderTable>? logger = null)
        : base(Upsert) =>
        _database = new SqliteDatabase(options, logger ?? NullLogger<SqliteReminderTable>.Instance, "reminder table");

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

using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace QuantumScheduler.Runtime.Storage.Sqlite.Writing;

/// <summary>Opens pooled connections to one file with the per-connection settings its options ask for.</summary>
internal sealed class SqliteConnectionFactory
{
    private readonly string _pragmas;

    // Pooled connections keep their native handle, and with it these settings: each handle is configured once, not on
    // every open (two statements parsed and run per read and per batch otherwise). Keyed by handle across factories,
    // with the settings applied, so that two factories sharing a pool cannot leave a handle with the other's settings.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, string> Configured = new();

    public SqliteConnectionFactory(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FilePath = options.DatabasePath;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        var synchronous = options.Synchronous == SqliteSynchronousMode.Normal ? "NORMAL" : "FULL";
        _pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {synchronous}; PRAGMA wal_autocheckpoint = 10000;");
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>Equal for factories whose connections behave the same, so that they can share one writer.</summary>
    public string Identity => ConnectionString + "\n" + _pragmas;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (connection.Handle is { } handle && !(Configured.TryGetValue(handle, out var applied) && applied == _pragmas))
            {
                // Per-connection settings: SQLite itself waits on a locked file instead of failing at once when another
                // process writes, commits are as durable as configured, and the WAL is copied back into the file every
                // 10,000 pages (40 MB) rather than every 1,000: hot pages (a budget's row, the index) rewritten many
                // times in between are copied once, and the commit that runs a checkpoint stalls ten times less often.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = _pragmas;
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                Configured.AddOrUpdate(handle, _pragmas);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

using Microsoft.Data.Sqlite;

namespace QuantumScheduler.Runtime.Storage.Sqlite.Writing;

/// <summary>
/// Group commit for one database file: writes from any number of callers run one after another on one connection,
/// and the writes waiting together share one transaction, so one commit (one fsync with
/// <see cref="SqliteSynchronousMode.Full"/>) makes them all durable. A caller's write is acknowledged only after the
/// commit that holds it. A lone write is committed at once; batches form only from writes that arrive while a commit
/// is in progress, so no write waits for company.
/// </summary>
/// <remarks>Each write runs under its own savepoint: one that throws is rolled back alone and its caller gets the
/// exception; the others commit. A failed <c>BEGIN</c> or <c>COMMIT</c> fails every write of the batch, none of which
/// is then in the database. One writer per file also means writers in this process never wait on each other's locks
/// (SQLite's busy handler sleeps for milliseconds).</remarks>
internal sealed class SqliteWriteQueue(SqliteConnectionFactory connections)
{
    /// <summary>The most writes one transaction takes; the rest wait for the next.</summary>
    public const int MaxBatch = 256;

    private readonly object _gate = new();
    private readonly Queue<PendingWrite> _waiting = new();
    private bool _draining;
    private long _commits;

    /// <summary>Transactions committed so far (for tests and diagnostics).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Runs <paramref name="write"/> in the next transaction; completes once that transaction is committed.
    /// The write gets no cancellation token: once its batch has started, it runs to the end with the batch.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(write, cancellationToken);
        bool start;
        lock (_gate)
        {
            _waiting.Enqueue(pending);
            start = !_draining;
            _draining = true;
        }
        if (start)
            _ = Task.Run(DrainAsync, CancellationToken.None);
        return pending.Task;
    }

    private async Task DrainAsync()
    {
        while (TakeBatch() is { } batch)
            await CommitAsync(batch).ConfigureAwait(false);
    }

    private List<PendingWrite>? TakeBatch()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _draining = false;
                return null;
            }
            var batch = new List<PendingWrite>(Math.Min(_waiting.Count, MaxBatch));
            while (batch.Count < MaxBatch && _waiting.TryDequeue(out var pending))
            {
                if (pending.CancellationToken.IsCancellationRequested)
                    pending.Cancel();
                else
                    batch.Add(pending);
            }
            return batch;
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        if (batch.Count == 0)
            return;
        SqliteConnection? connection = null;
        var begun = false;
        try
        {
            connection = await connections.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await ExecuteAsync(connection, "BEGIN IMMEDIATE;").ConfigureAwait(false);
            begun = true;
            foreach (var pending in batch)
                await RunUnderSavepointAsync(connection, pending).ConfigureAwait(false);
            await ExecuteAsync(connection, "COMMIT;").ConfigureAwait(false);
            begun = false;
            Interlocked.Increment(ref _commits);
            foreach (var pending in batch)
            {
                if (!pending.Failed)
                    pending.Acknowledge();
            }
        }
        catch (Exception e)
        {
            if (begun)
                await TryRollbackAsync(connection!).ConfigureAwait(false);
            foreach (var pending in batch)
                pending.FailWith(e);
        }
        finally
        {
            if (connection is not null)
                await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task RunUnderSavepointAsync(SqliteConnection connection, PendingWrite pending)
    {
        await ExecuteAsync(connection, "SAVEPOINT write;").ConfigureAwait(false);
        try
        {
            await pending.RunAsync(connection).ConfigureAwait(false);
        }
        catch
        {
            // The caller already has its exception. If SQLite rolled the whole transaction back (a full disk, an I/O
            // error), the savepoint is gone and this throws: the batch fails as a whole.
            await ExecuteAsync(connection, "ROLLBACK TO write;").ConfigureAwait(false);
        }
        await ExecuteAsync(connection, "RELEASE write;").ConfigureAwait(false);
    }

    private static async Task TryRollbackAsync(SqliteConnection connection)
    {
        try
        {
            await ExecuteAsync(connection, "ROLLBACK;").ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // SQLite had already rolled the transaction back itself.
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}

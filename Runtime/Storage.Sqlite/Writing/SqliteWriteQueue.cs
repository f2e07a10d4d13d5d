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

    // One connection and one set of prepared transaction statements for as long as writes keep coming.
    private async Task DrainAsync()
    {
        TransactionStatements? transaction = null;
        try
        {
            while (TakeBatch() is { } batch)
            {
                if (batch.Count == 0)
                    continue;
                transaction ??= await TransactionStatements.TryOpenAsync(connections, batch).ConfigureAwait(false);
                if (transaction is not null && !await CommitAsync(transaction, batch).ConfigureAwait(false))
                {
                    // A failed BEGIN or COMMIT may leave the connection in any state: the next batch starts afresh.
                    await transaction.DisposeAsync().ConfigureAwait(false);
                    transaction = null;
                }
            }
        }
        finally
        {
            if (transaction is not null)
                await transaction.DisposeAsync().ConfigureAwait(false);
        }
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

    /// <summary>Runs the batch in one transaction; false when the transaction itself failed (every write then failed).</summary>
    private async Task<bool> CommitAsync(TransactionStatements transaction, List<PendingWrite> batch)
    {
        var begun = false;
        try
        {
            await transaction.Begin.ExecuteNonQueryAsync().ConfigureAwait(false);
            begun = true;
            foreach (var pending in batch)
                await RunUnderSavepointAsync(transaction, pending).ConfigureAwait(false);
            await transaction.Commit.ExecuteNonQueryAsync().ConfigureAwait(false);
            Interlocked.Increment(ref _commits);
            foreach (var pending in batch)
            {
                if (!pending.Failed)
                    pending.Acknowledge();
            }
            return true;
        }
        catch (Exception e)
        {
            if (begun)
                await TryRollbackAsync(transaction).ConfigureAwait(false);
            foreach (var pending in batch)
                pending.FailWith(e);
            return false;
        }
    }

    private static async Task RunUnderSavepointAsync(TransactionStatements transaction, PendingWrite pending)
    {
        await transaction.Savepoint.ExecuteNonQueryAsync().ConfigureAwait(false);
        try
        {
            await pending.RunAsync(transaction.Connection).ConfigureAwait(false);
        }
        catch
        {
            // The caller already has its exception. If SQLite rolled the whole transaction back (a full disk, an I/O
            // error), the savepoint is gone and this throws: the batch fails as a whole.
            await transaction.RollbackToSavepoint.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        await transaction.Release.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task TryRollbackAsync(TransactionStatements transaction)
    {
        try
        {
            await transaction.Rollback.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // SQLite had already rolled the transaction back itself.
        }
    }
}

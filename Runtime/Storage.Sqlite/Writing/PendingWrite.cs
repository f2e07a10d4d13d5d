using Microsoft.Data.Sqlite;

namespace QuantumScheduler.Runtime.Storage.Sqlite.Writing;

/// <summary>One caller's write waiting for its batch: run inside the batch's transaction, answered only once the
/// transaction is committed (or has failed).</summary>
internal abstract class PendingWrite
{
    protected PendingWrite(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    /// <summary>The caller's token: a write cancelled before its batch starts is never run.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether the write ran and failed on its own (its savepoint was rolled back; the batch goes on).</summary>
    public bool Failed { get; private set; }

    public async Task RunAsync(SqliteConnection connection)
    {
        try
        {
            await RunCoreAsync(connection).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Failed = true;
            FailWith(e);
            throw;
        }
    }

    /// <summary>Tells the caller that its write is on disk.</summary>
    public abstract void Acknowledge();

    /// <summary>Tells the caller that its write is not in the database, and why.</summary>
    public abstract void FailWith(Exception exception);

    public abstract void Cancel();

    protected abstract Task RunCoreAsync(SqliteConnection connection);
}

/// <inheritdoc />
internal sealed class PendingWrite<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    : PendingWrite(cancellationToken)
{
    // Callers continue on the thread pool, not on the writer that completes a whole batch of them.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Task => _completion.Task;

    public override void Acknowledge() => _completion.TrySetResult(_result);

    public override void FailWith(Exception exception) => _completion.TrySetException(exception);

    public override void Cancel() => _completion.TrySetCanceled(CancellationToken);

    // Once in a batch a write is not cancelled half-way: the batch's transaction decides for it.
    protected override async Task RunCoreAsync(SqliteConnection connection) =>
        _result = await write(connection, CancellationToken.None).ConfigureAwait(false);
}

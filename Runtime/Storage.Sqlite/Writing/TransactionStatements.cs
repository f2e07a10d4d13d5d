using Microsoft.Data.Sqlite;

namespace QuantumScheduler.Runtime.Storage.Sqlite.Writing;

/// <summary>The writer's connection and its transaction statements, prepared once and run for every batch and write
/// (parsing them for each would cost more than most writes).</summary>
internal sealed class TransactionStatements : IAsyncDisposable
{
    private TransactionStatements(SqliteConnection connection)
    {
        Connection = connection;
        Begin = Command("BEGIN IMMEDIATE;");
        Savepoint = Command("SAVEPOINT write;");
        RollbackToSavepoint = Command("ROLLBACK TO write;");
        Release = Command("RELEASE write;");
        Commit = Command("COMMIT;");
        Rollback = Command("ROLLBACK;");
    }

    public SqliteConnection Connection { get; }

    public SqliteCommand Begin { get; }

    public SqliteCommand Savepoint { get; }

    public SqliteCommand RollbackToSavepoint { get; }

    public SqliteCommand Release { get; }

    public SqliteCommand Commit { get; }

    public SqliteCommand Rollback { get; }

    /// <summary>Opens the writer's connection; when that fails, every write of <paramref name="batch"/> fails with the
    /// reason and the result is null.</summary>
    public static async Task<TransactionStatements?> TryOpenAsync(SqliteConnectionFactory connections, IReadOnlyList<PendingWrite> batch)
    {
        try
        {
            return new TransactionStatements(await connections.OpenAsync(CancellationToken.None).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
                pending.FailWith(e);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { Begin, Savepoint, RollbackToSavepoint, Release, Commit, Rollback })
            await command.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }

    private SqliteCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}

using Microsoft.Data.Sqlite;
using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Storage.Sqlite;
using QuantumScheduler.Runtime.Storage.Sqlite.Writing;

namespace QuantumScheduler.Runtime.Persistence.Tests.Storage;

/// <summary>Group commit: writes waiting together share one transaction, each is answered only after its commit, and a
/// write's failure or cancellation touches nothing but that write.</summary>
public sealed class SqliteWriteQueueTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Concurrent_writes_of_state_and_reminders_share_commits_and_all_survive_reopening()
    {
        GrainId[] grains = [.. Enumerable.Range(0, 100).Select(static i => new GrainId("counter", $"g{i}"))];
        long commits;
        using (var storage = new SqliteGrainStorage("Default", new SqliteGrainStorageOptions { DataDirectory = _directory.Path }))
        using (var reminders = new SqliteReminderTable(new SqliteReminderTableOptions { DataDirectory = _directory.Path }))
        {
            await storage.InitializeAsync(CancellationToken.None);
            await reminders.InitializeAsync(CancellationToken.None);
            var before = storage.WriteCommits;

            await Task.WhenAll(grains.Select(grain => (Task)storage.WriteAsync("counter", "count", grain, "v1"u8.ToArray(), null, CancellationToken.None))
                .Concat(grains.Take(20).Select(grain => (Task)reminders.UpsertRowAsync(Reminder(grain), CancellationToken.None))));

            commits = storage.WriteCommits - before;
            Assert.Equal(storage.WriteCommits, reminders.WriteCommits); // one queue for the file
        }

        using var reopened = new SqliteGrainStorage("Default", new SqliteGrainStorageOptions { DataDirectory = _directory.Path });
        using var reopenedReminders = new SqliteReminderTable(new SqliteReminderTableOptions { DataDirectory = _directory.Path });
        foreach (var grain in grains)
            Assert.Equal("1", (await reopened.ReadAsync("counter", "count", grain, CancellationToken.None))!.Etag);
        foreach (var grain in grains.Take(20))
            Assert.NotNull(await reopenedReminders.ReadRowAsync(grain, "tick", CancellationToken.None));
        Assert.True(commits < 120, $"120 concurrent writes took {commits} commits");
    }

    [Fact]
    public async Task A_write_that_throws_is_rolled_back_alone_and_the_rest_of_its_batch_commits()
    {
        var queue = await NewQueueWithTableAsync();
        var (held, release) = await HoldAsync(queue);

        var kept = queue.WriteAsync((connection, _) => InsertAsync(connection, 1), CancellationToken.None);
        var failed = queue.WriteAsync<int>(async (connection, _) =>
        {
            await InsertAsync(connection, 2);
            throw new InvalidOperationException("refused after writing");
        }, CancellationToken.None);
        var alsoKept = queue.WriteAsync((connection, _) => InsertAsync(connection, 3), CancellationToken.None);
        var commitsBefore = queue.Commits;
        release();
        await held;

        Assert.Equal(1, await kept);
        Assert.Equal("refused after writing", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed)).Message);
        Assert.Equal(1, await alsoKept);
        Assert.Equal([1L, 3L], await ValuesAsync());
        Assert.Equal(commitsBefore + 2, queue.Commits); // the held write's batch, then one for the three behind it
    }

    [Fact]
    public async Task A_write_cancelled_while_it_waits_for_its_batch_never_runs()
    {
        var queue = await NewQueueWithTableAsync();
        var (held, release) = await HoldAsync(queue);
        using var cancellation = new CancellationTokenSource();
        var ran = false;

        var cancelled = queue.WriteAsync(async (connection, _) =>
        {
            ran = true;
            return await InsertAsync(connection, 1);
        }, cancellation.Token);
        var next = queue.WriteAsync((connection, _) => InsertAsync(connection, 2), CancellationToken.None);
        await cancellation.CancelAsync();
        release();
        await held;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, await next);
        Assert.False(ran);
        Assert.Equal([2L], await ValuesAsync());
    }

    [Fact]
    public async Task When_the_transaction_is_lost_every_write_of_the_batch_fails_and_none_is_stored()
    {
        var queue = await NewQueueWithTableAsync();
        var (held, release) = await HoldAsync(queue);

        var first = queue.WriteAsync((connection, _) => InsertAsync(connection, 1), CancellationToken.None);
        // As SQLite does itself on a full disk or an I/O error: the whole transaction is rolled back under the batch.
        var loses = queue.WriteAsync(async (connection, _) =>
        {
            await InsertAsync(connection, 2);
            await using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            return await rollback.ExecuteNonQueryAsync();
        }, CancellationToken.None);
        var last = queue.WriteAsync((connection, _) => InsertAsync(connection, 3), CancellationToken.None);
        release();
        await held;

        await Assert.ThrowsAsync<SqliteException>(() => first);
        await Assert.ThrowsAsync<SqliteException>(() => loses);
        await Assert.ThrowsAsync<SqliteException>(() => last);
        Assert.Empty(await ValuesAsync());
        await queue.WriteAsync((connection, _) => InsertAsync(connection, 4), CancellationToken.None); // the queue goes on
        Assert.Equal([4L], await ValuesAsync());
    }

    private SqliteGrainStorageOptions Options => new() { DataDirectory = _directory.Path, FileName = "queue.db" };

    private async Task<SqliteWriteQueue> NewQueueWithTableAsync()
    {
        var queue = new SqliteWriteQueue(new SqliteConnectionFactory(Options));
        await queue.WriteAsync(async (connection, _) =>
        {
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE t (x INTEGER NOT NULL);";
            return await create.ExecuteNonQueryAsync();
        }, CancellationToken.None);
        return queue;
    }

    /// <summary>A write that holds the queue's current batch open until released, so that the writes queued meanwhile
    /// form the next batch together.</summary>
    private static async Task<(Task Held, Action Release)> HoldAsync(SqliteWriteQueue queue)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = queue.WriteAsync(async (_, _) =>
        {
            started.SetResult();
            await gate.Task;
            return 0;
        }, CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (held, gate.SetResult);
    }

    private static async Task<int> InsertAsync(SqliteConnection connection, int value)
    {
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (x) VALUES ($x);";
        insert.Parameters.AddWithValue("$x", value);
        return await insert.ExecuteNonQueryAsync();
    }

    private async Task<List<long>> ValuesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Options.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT x FROM t ORDER BY x;";
        await using var reader = await select.ExecuteReaderAsync();
        var values = new List<long>();
        while (await reader.ReadAsync())
            values.Add(reader.GetInt64(0));
        return values;
    }

    private static ReminderEntry Reminder(GrainId grain) => new()
    {
        GrainId = grain,
        ReminderName = "tick",
        StartAt = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(1),
    };
}

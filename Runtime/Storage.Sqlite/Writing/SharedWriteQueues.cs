namespace QuantumScheduler.Runtime.Storage.Sqlite.Writing;

/// <summary>
/// One <see cref="SqliteWriteQueue"/> per database file and connection settings in this process, shared by every
/// provider on that file (grain storage and reminders share one file by default), so that their writes share commits
/// and never contend for the file's write lock. Counted: the last provider to let go removes it.
/// </summary>
internal static class SharedWriteQueues
{
    private static readonly Dictionary<string, (SqliteWriteQueue Queue, int Users)> Queues = new(StringComparer.Ordinal);

    public static SqliteWriteQueue Acquire(SqliteConnectionFactory connections)
    {
        lock (Queues)
        {
            var (queue, users) = Queues.TryGetValue(connections.Identity, out var shared) ? shared : (new SqliteWriteQueue(connections), 0);
            Queues[connections.Identity] = (queue, users + 1);
            return queue;
        }
    }

    public static void Release(SqliteConnectionFactory connections)
    {
        lock (Queues)
        {
            if (!Queues.TryGetValue(connections.Identity, out var shared))
                return;
            if (shared.Users <= 1)
                Queues.Remove(connections.Identity);
            else
                Queues[connections.Identity] = (shared.Queue, shared.Users - 1);
        }
    }
}

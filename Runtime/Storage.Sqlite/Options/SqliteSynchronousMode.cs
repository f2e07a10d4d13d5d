namespace QuantumScheduler.Runtime.Storage.Sqlite;

/// <summary>When SQLite waits for the disk (<c>PRAGMA synchronous</c>), which trades write latency for durability.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Every commit is on disk before it returns: survives a process crash, an OS crash and a power loss.</summary>
    Full,

    /// <summary>In WAL mode, commits are not flushed one by one: they survive a process crash (kill -9), but the most
    /// recent ones can be lost on an OS crash or power loss. Writes are many times faster.</summary>
    Normal,
}

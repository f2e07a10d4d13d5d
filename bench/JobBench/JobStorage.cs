namespace QuantumScheduler.Bench.Jobs;

/// <summary>Where the embedded silo keeps grain state and reminders.</summary>
public enum JobStorage
{
    InMemory,

    /// <summary>SQLite in a temporary directory, as <c>qs --embedded</c> and the default silo keep it: every commit is
    /// on disk before it is acknowledged (<c>synchronous=FULL</c>).</summary>
    Sqlite,

    /// <summary>The same with <c>Synchronous = Normal</c> (survives kill -9, not a power loss): what the fsyncs cost.</summary>
    SqliteNormalSync,
}

public static class JobStorageNames
{
    public static string Describe(this JobStorage storage) => storage switch
    {
        JobStorage.InMemory => "state in memory",
        JobStorage.Sqlite => "state in SQLite (qs --embedded, synchronous=FULL)",
        _ => "state in SQLite, synchronous=NORMAL (not the default)",
    };
}

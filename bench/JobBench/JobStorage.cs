namespace QuantumScheduler.Bench.Jobs;

/// <summary>Where the embedded silo keeps grain state and reminders.</summary>
public enum JobStorage
{
    InMemory,

    /// <summary>SQLite in a temporary directory, as <c>qs --embedded</c> and the default silo keep it.</summary>
    Sqlite,
}

public static class JobStorageNames
{
    public static string Describe(this JobStorage storage) => storage switch
    {
        JobStorage.InMemory => "state in memory",
        _ => "state in SQLite (qs --embedded)",
    };
}

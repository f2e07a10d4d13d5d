namespace QuantumScheduler.Runtime.TestingHost;

/// <summary>Which grain storage and reminder providers the test silos use.</summary>
public enum TestStorageKind
{
    /// <summary>In-memory providers: fast; state and reminders die with the silo.</summary>
    InMemory,

    /// <summary>SQLite in a data directory: state and reminders survive a silo restart.</summary>
    Sqlite,
}

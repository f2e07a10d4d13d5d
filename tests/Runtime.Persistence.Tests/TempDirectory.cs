using Microsoft.Data.Sqlite;

namespace QuantumScheduler.Runtime.Persistence.Tests;

/// <summary>A fresh directory under the system temp folder, deleted (with its SQLite files) on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qs-persistence-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}

namespace QuantumScheduler.Runtime.Storage.Sqlite;

/// <summary>Where a SQLite provider keeps its database file, and how long it waits for a locked database.</summary>
public abstract class SqliteStorageOptions
{
    /// <summary>The default <see cref="FileName"/>: grain state and reminders share one file unless told otherwise.</summary>
    public const string DefaultFileName = "quantum-scheduler.db";

    /// <summary>The directory holding the database file; created on start when missing. Default: a
    /// <c>QuantumScheduler</c> folder under the user's local application data (for root on Linux,
    /// <c>~/.local/share/QuantumScheduler</c>); the silo host sets it from <c>QUANTUM_SCHEDULER_DATA_DIR</c>.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>The database file's name inside <see cref="DataDirectory"/>. Default: <see cref="DefaultFileName"/>.</summary>
    public string FileName { get; set; } = DefaultFileName;

    /// <summary>How long an operation waits for another connection's write lock before failing. Default: 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far a commit goes before it returns. Default: <see cref="SqliteSynchronousMode.Full"/> (every
    /// committed write survives a power loss).</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>The database file's full path.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));

    private static string DefaultDataDirectory
    {
        get
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return string.IsNullOrEmpty(local) ? Path.GetFullPath("data") : Path.Combine(local, "QuantumScheduler");
        }
    }
}

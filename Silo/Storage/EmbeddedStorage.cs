using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Storage.Sqlite;

namespace QuantumScheduler.Silo.Storage;

/// <summary>The embedded default: grain state and reminders in one SQLite file in the data directory.</summary>
internal sealed record EmbeddedStorage(string DataDirectory) : SiloStorage
{
    public override string Description => $"SQLite {Path.Combine(DataDirectory, SqliteStorageOptions.DefaultFileName)}";

    protected override void AddProviders(ISiloBuilder silo)
    {
        silo.Services.AddSqliteGrainStorageAsDefault(options => options.DataDirectory = DataDirectory);
        silo.Services.AddSqliteReminders(options => options.DataDirectory = DataDirectory);
    }
}

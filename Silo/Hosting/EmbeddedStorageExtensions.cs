using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Silo.Hosting;

/// <summary>The embedded default: grain state and reminders in one SQLite file.</summary>
internal static class EmbeddedStorageExtensions
{
    public static ISiloBuilder UseEmbeddedStorage(this ISiloBuilder silo, string dataDirectory)
    {
        silo.Services.AddSqliteGrainStorageAsDefault(options => options.DataDirectory = dataDirectory);
        silo.Services.AddSqliteReminders(options => options.DataDirectory = dataDirectory);
        return silo.AddReminders();
    }
}

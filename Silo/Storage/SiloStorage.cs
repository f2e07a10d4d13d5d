using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Silo.Storage;

/// <summary>Where the silo keeps grain state and reminders; chosen from configuration before the host is built.</summary>
internal abstract record SiloStorage
{
    /// <summary>What the start-up log says about the storage. Never contains a password.</summary>
    public abstract string Description { get; }

    /// <summary>Registers the providers (and, clustered, membership and the directory) and the reminder service on <paramref name="silo"/>.</summary>
    public ISiloBuilder AddTo(ISiloBuilder silo)
    {
        AddProviders(silo);
        return silo.AddReminders();
    }

    // Sealed so no record prints its members: a connection string holds the password.
    public sealed override string ToString() => Description;

    protected abstract void AddProviders(ISiloBuilder silo);
}

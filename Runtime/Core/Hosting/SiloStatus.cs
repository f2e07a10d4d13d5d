namespace QuantumScheduler.Runtime.Hosting;

/// <summary>A silo's life, with Orleans' numbering.</summary>
public enum SiloStatus
{
    None = 0,
    Created = 1,
    Joining = 2,
    /// <summary>Serving calls.</summary>
    Active = 3,
    /// <summary>Refusing new calls, finishing turns and deactivating grains.</summary>
    ShuttingDown = 4,
    Stopping = 5,
    /// <summary>Stopped (or killed); never becomes active again.</summary>
    Dead = 6,
}

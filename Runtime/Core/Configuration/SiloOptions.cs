namespace QuantumScheduler.Runtime.Configuration;

/// <summary>Identity of the silo. Bound from <c>QuantumScheduler:Silo</c>.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "QuantumScheduler:Silo";

    /// <summary>The silo's name in logs and metrics (tag <c>silo</c>). Default: <c>silo-</c> plus the machine name.</summary>
    public string SiloName { get; set; } = "silo-" + Environment.MachineName.ToLowerInvariant();

    /// <summary>Upper bound for a graceful stop: running turns finish and every activation deactivates within it;
    /// whatever is left is abandoned. Default: 30 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

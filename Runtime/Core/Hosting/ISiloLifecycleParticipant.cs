namespace QuantumScheduler.Runtime.Hosting;

/// <summary>
/// A silo service that must start before the silo serves calls and stop around the deactivation of its grains (the
/// transport, membership, the reminder ring). Register it as a singleton <see cref="ISiloLifecycleParticipant"/>.
/// Start runs in ascending <see cref="Stage"/>; the two stop steps run in descending stage. A killed silo runs neither.
/// </summary>
public interface ISiloLifecycleParticipant
{
    /// <summary>When it starts: see <see cref="SiloLifecycleStage"/>.</summary>
    int Stage { get; }

    /// <summary>Called while the silo is starting (status Created, then Joining); the silo becomes Active after every participant started.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Called once the silo refuses new calls (status ShuttingDown), before its grains deactivate.</summary>
    Task OnShuttingDownAsync(CancellationToken cancellationToken);

    /// <summary>Called after every grain has deactivated (or the shutdown timeout passed).</summary>
    Task StopAsync(CancellationToken cancellationToken);
}

/// <summary>The stages of a silo's start, lowest first (Orleans' ordering).</summary>
public static class SiloLifecycleStage
{
    /// <summary>Schema creation, storage connections.</summary>
    public const int RuntimeStorage = 1000;

    /// <summary>The silo-to-silo transport and the gateway listen.</summary>
    public const int Transport = 4000;

    /// <summary>Membership: the silo joins the table (needs the transport, so others can probe it).</summary>
    public const int Membership = 10000;

    /// <summary>Services that need the live cluster view: the reminder ring, directory maintenance.</summary>
    public const int ClusterServices = 15000;
}

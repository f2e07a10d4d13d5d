namespace QuantumScheduler.Runtime.Configuration;

/// <summary>The silo-to-silo TCP transport. Bound from <c>QuantumScheduler:Transport</c>; used only when
/// <see cref="EndpointOptions.SiloPort"/> is set.</summary>
public sealed class TransportOptions
{
    public const string SectionName = "QuantumScheduler:Transport";

    /// <summary>Most requests waiting to be written to one silo. A request that finds the queue full is not queued:
    /// the call fails at once with a <see cref="SiloUnavailableException"/> (retryable; the call did not run).
    /// Responses and control frames are never refused. Default: 10,000.</summary>
    public int SendQueueCapacity { get; set; } = 10_000;

    /// <summary>Longest wait for a TCP connection plus the handshake. Default: 5 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First delay before reconnecting after a failed attempt; each further failure doubles it, up to
    /// <see cref="ReconnectMaxDelay"/>. Default: 50 milliseconds.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Upper bound of the reconnection delay. Default: 5 seconds.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest frame accepted or sent (header plus serialised body); a bigger one fails its call and a peer
    /// announcing one is disconnected. Default: 16 MiB.</summary>
    public int MaxFrameSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>How often this silo tells every connected silo its activation count (for resource-optimised
    /// placement). Default: 1 second.</summary>
    public TimeSpan StatisticsPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a request may be forwarded between silos (a stale cache, a lost registration race)
    /// before it fails. Default: 3.</summary>
    public int MaxForwardCount { get; set; } = 3;

    /// <summary>How long a leaving silo waits for every connected silo to acknowledge its departure (after which no
    /// request can still be on its way to it) and for what it queued to be written, before it closes its connections.
    /// A silo that does not answer in time (cut off, or dead) is not waited for further. Default: 5 seconds.</summary>
    public TimeSpan LeaveTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most entries in this silo's cache of where grains live; beyond it a tenth is evicted. Default: 100,000.</summary>
    public int DirectoryCacheSize { get; set; } = 100_000;
}

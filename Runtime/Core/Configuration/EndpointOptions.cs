namespace QuantumScheduler.Runtime.Configuration;

/// <summary>
/// Where this silo listens for other silos (and, with a gateway, for external clients). Bound from
/// <c>QuantumScheduler:Endpoints</c>. Without a <see cref="SiloPort"/> the silo runs embedded: a single silo with
/// no network at all, every call in-process.
/// </summary>
public sealed class EndpointOptions
{
    public const string SectionName = "QuantumScheduler:Endpoints";

    /// <summary>The host name or IP address other silos use to reach this one; it is part of the silo's address in the
    /// directory and the membership table. When it is an IP address the listener binds to it, otherwise to every
    /// interface. Default: <c>127.0.0.1</c>.</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>The silo-to-silo port. Null (the default) runs the silo embedded, without a transport; 0 lets the
    /// operating system pick a free port, which is logged and becomes part of the silo's address.</summary>
    public int? SiloPort { get; set; }

    /// <summary>The port external clients connect to; null (the default) means this silo is no gateway, 0 picks a free port.</summary>
    public int? GatewayPort { get; set; }

    /// <summary>Whether the silo talks to other silos (a <see cref="SiloPort"/> is configured).</summary>
    public bool IsClustered => SiloPort is not null;
}

namespace QuantumScheduler.Runtime.Configuration;

/// <summary>
/// The static cluster: a fixed list of silo endpoints, the development clustering of Orleans. Bound from
/// <c>QuantumScheduler:Cluster</c>. A membership oracle (PostgreSQL membership) replaces it in production.
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "QuantumScheduler:Cluster";

    /// <summary>The silo-to-silo endpoints of the cluster's silos as <c>host:port</c>; this silo's own endpoint may be
    /// listed too. Each listed silo joins the view once it answers the handshake (which tells its generation).
    /// Default: empty (this silo alone).</summary>
    public List<string> Silos { get; set; } = [];
}

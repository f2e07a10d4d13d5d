using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>One consistent view of the cluster's silos, stamped with the membership table version it came from.</summary>
/// <param name="Members">Every silo known, in any status (dead ones included, so their directory entries can be recognised).</param>
/// <param name="Version">The membership table version; a larger version is a newer view.</param>
public sealed record ClusterMembershipSnapshot(IReadOnlyList<ClusterMember> Members, long Version)
{
    /// <summary>A view with no silos (before the first read of the table).</summary>
    public static ClusterMembershipSnapshot Empty { get; } = new([], 0);

    /// <summary>Silos in status <see cref="SiloStatus.Active"/>, ordered by address for deterministic use (hash rings).</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos =>
        Members.Where(static member => member.Status == SiloStatus.Active)
            .Select(static member => member.Silo)
            .OrderBy(static silo => silo.Host, StringComparer.Ordinal).ThenBy(static silo => silo.Port).ThenBy(static silo => silo.Generation)
            .ToList();

    /// <summary>Active silos that accept external clients.</summary>
    public IReadOnlyList<ClusterMember> Gateways =>
        Members.Where(static member => member.Status == SiloStatus.Active && member.GatewayPort is not null).ToList();

    /// <summary>The silo's status, or <see cref="SiloStatus.None"/> when it is not in this view.</summary>
    public SiloStatus StatusOf(SiloAddress silo) =>
        Members.FirstOrDefault(member => member.Silo == silo)?.Status ?? SiloStatus.None;

    /// <summary>True when the silo is declared dead, or a newer generation of the same endpoint exists (a restarted process).</summary>
    public bool IsDead(SiloAddress silo) =>
        StatusOf(silo) == SiloStatus.Dead ||
        Members.Any(member => member.Silo.Host == silo.Host && member.Silo.Port == silo.Port && member.Silo.Generation > silo.Generation);
}

/// <summary>One silo as the membership view knows it.</summary>
/// <param name="Silo">Its silo-to-silo endpoint and generation.</param>
/// <param name="Status">Its status in the membership table.</param>
/// <param name="GatewayPort">The port external clients connect to; null when it is no gateway.</param>
/// <param name="Name">Its configured name, for logs.</param>
public sealed record ClusterMember(SiloAddress Silo, SiloStatus Status, int? GatewayPort, string Name);

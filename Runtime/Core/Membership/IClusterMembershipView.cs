namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// The set of silos this process believes in, as the membership protocol (or a static configuration) maintains it.
/// Placement, the grain directory, the reminder ring and cluster clients read it; only the membership oracle writes it.
/// </summary>
public interface IClusterMembershipView
{
    /// <summary>The latest snapshot; never null.</summary>
    ClusterMembershipSnapshot Current { get; }

    /// <summary>Raised after <see cref="Current"/> changes, with the new snapshot. Handlers must be quick and must not throw.</summary>
    event Action<ClusterMembershipSnapshot>? Changed;
}

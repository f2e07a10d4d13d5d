using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>One silo's row in the membership table.</summary>
public sealed record MembershipEntry
{
    public required SiloAddress Silo { get; init; }

    public required SiloStatus Status { get; init; }

    /// <summary>The gateway port clients connect to; null when the silo is no gateway.</summary>
    public int? ProxyPort { get; init; }

    /// <summary>The votes recorded against this silo, oldest first.</summary>
    public IReadOnlyList<SuspectVote> Suspicions { get; init; } = [];

    /// <summary>When the silo started (UTC).</summary>
    public required DateTime StartedAt { get; init; }

    /// <summary>The silo's last IAmAlive heartbeat (UTC).</summary>
    public required DateTime IAmAliveAt { get; init; }

    public bool Equals(MembershipEntry? other) =>
        other is not null && Silo == other.Silo && Status == other.Status && ProxyPort == other.ProxyPort &&
        Suspicions.SequenceEqual(other.Suspicions) && StartedAt == other.StartedAt && IAmAliveAt == other.IAmAliveAt;

    public override int GetHashCode() => HashCode.Combine(Silo, Status, ProxyPort, Suspicions.Count, StartedAt, IAmAliveAt);
}

/// <summary>A vote by <paramref name="Suspecter"/> that the silo is dead, cast at <paramref name="At"/> (UTC).</summary>
public sealed record SuspectVote(SiloAddress Suspecter, DateTime At);

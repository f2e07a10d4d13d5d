namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// Settings of the membership protocol (failure detection, suspicion, death declaration), bound from
/// <c>QuantumScheduler:Membership</c>. The defaults are Orleans' <c>ClusterMembershipOptions</c> except where a
/// property says otherwise. With them a killed silo is declared dead at most
/// <see cref="WorstCaseDetectionTime"/> (20 s) after it stopped answering, plus a few table round trips.
/// </summary>
public sealed class MembershipOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "QuantumScheduler:Membership";

    /// <summary>How many other active silos each silo probes: its successors on a hash ring of the active silos.
    /// Default: 3, the successor count of Orleans' classic ring. (Orleans 10 probes 10 silos chosen from 10 seeded
    /// rings; with clusters of a handful of silos 3 successors already cover every peer.)</summary>
    public int NumProbedSilos { get; set; } = 3;

    /// <summary>How long one probe may take, and the period between probe rounds. Default: 5 seconds. (Orleans
    /// adapts it between ½× and 4× with a phi-accrual detector; ours is fixed.)</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive missed probes after which the prober votes the target dead. Default: 3.</summary>
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>Fresh votes needed to declare a silo dead; with fewer active silos, a majority of them suffices
    /// (<c>min(NumVotesForDeathDeclaration, (activeNonStale + 1) / 2)</c>, so 1 vote with 2 silos). Default: 2.</summary>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>A vote older than this no longer counts. Default: 2 minutes.</summary>
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the whole table is re-read, so status changes written by others reach this silo. Default:
    /// 10 seconds. (Orleans re-reads every 60 s because it also gossips every change; we do not gossip, so changes
    /// travel only through the table and a shorter period keeps the views close.)</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the silo writes its IAmAlive time. The heartbeat that detects failures is the probe; IAmAlive
    /// only tells whether a row is stale. Default: 30 seconds.</summary>
    public TimeSpan IAmAliveTablePublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A row whose IAmAlive time is older than this many publish periods is stale: a joining silo does not
    /// need to reach it and it does not count towards the vote majority (so a whole cluster can restart). Default: 3
    /// (90 s).</summary>
    public int NumMissedTableIAmAliveLimit { get; set; } = 3;

    /// <summary>How long a joining silo keeps trying to reach every active, non-stale silo before its start fails.
    /// Default: 5 minutes.</summary>
    public TimeSpan MaxJoinAttemptTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The time after which a row counts as stale: <see cref="IAmAliveTablePublishTimeout"/> ×
    /// <see cref="NumMissedTableIAmAliveLimit"/>.</summary>
    public TimeSpan StaleRowAge => IAmAliveTablePublishTimeout * NumMissedTableIAmAliveLimit;

    /// <summary>
    /// The longest a silo that stops answering can stay undeclared, not counting table round trips: a probe answered
    /// just before it failed, then <see cref="NumMissedProbesLimit"/> rounds, one per <see cref="ProbeTimeout"/>, the
    /// last of which times out after <see cref="ProbeTimeout"/>. Every prober reaches its vote by then, so the vote
    /// that completes the quorum is written by then too. Default settings: 3 × 5 s + 5 s = 20 s.
    /// </summary>
    public TimeSpan WorstCaseDetectionTime => ProbeTimeout * (NumMissedProbesLimit + 1);
}

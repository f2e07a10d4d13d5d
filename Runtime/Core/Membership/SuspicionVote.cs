using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// Orleans' vote-or-kill rule (<c>MembershipTableManager.InnerTryToSuspectOrKill</c>): the suspecter adds its own
/// vote to the target's fresh votes, and if they reach the quorum the row is written as Dead instead.
/// </summary>
internal static class SuspicionVote
{
    /// <summary>The row to write for <paramref name="target"/> after <paramref name="suspecter"/> votes at
    /// <paramref name="now"/>: the fresh votes of live silos plus this one (at most
    /// <see cref="MembershipOptions.NumVotesForDeathDeclaration"/>, newest kept), with status Dead when they reach
    /// <see cref="RequiredVotes"/>.</summary>
    public static MembershipEntry Cast(MembershipSnapshot table, MembershipEntry target, SiloAddress suspecter, DateTime now, MembershipOptions options)
    {
        var deadVoters = table.Rows.Where(static row => row.Entry.Status == SiloStatus.Dead).Select(static row => row.Entry.Silo).ToHashSet();
        var votes = target.Suspicions
            .Where(vote => vote.Suspecter != suspecter && !deadVoters.Contains(vote.Suspecter) && now - vote.At < options.DeathVoteExpirationTimeout)
            .Append(new SuspectVote(suspecter, now))
            .OrderBy(static vote => vote.At)
            .TakeLast(options.NumVotesForDeathDeclaration)
            .ToArray();
        var dead = votes.Length >= RequiredVotes(table, now, options);
        return target with { Status = dead ? SiloStatus.Dead : target.Status, Suspicions = votes };
    }

    /// <summary><c>min(NumVotesForDeathDeclaration, (activeNonStale + 1) / 2)</c>, at least 1: with few silos a
    /// majority of the active, non-stale ones is enough.</summary>
    public static int RequiredVotes(MembershipSnapshot table, DateTime now, MembershipOptions options)
    {
        var activeNonStale = table.Rows.Count(row => row.Entry.Status == SiloStatus.Active && !IsStale(row.Entry, now, options));
        return Math.Max(1, Math.Min(options.NumVotesForDeathDeclaration, (activeNonStale + 1) / 2));
    }

    /// <summary>A row that has not sent IAmAlive for <see cref="MembershipOptions.StaleRowAge"/>.</summary>
    public static bool IsStale(MembershipEntry entry, DateTime now, MembershipOptions options) =>
        now - entry.IAmAliveAt > options.StaleRowAge;
}

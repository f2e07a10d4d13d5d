using QuantumScheduler.Runtime.Membership;

namespace QuantumScheduler.Cluster.Tests.Membership;

/// <summary>
/// Membership settings that make failure detection take seconds: probes every 2 s, a vote after 3 misses, the table
/// re-read every second. Worst case from a silent silo to its Dead row: 2 s × (3 + 1) = 8 s plus table round trips
/// (<see cref="MembershipOptions.WorstCaseDetectionTime"/>). With the defaults the same calculation gives 20 s.
/// </summary>
internal static class ShortMembershipSettings
{
    public static MembershipOptions Options { get; } = new()
    {
        ProbeTimeout = TimeSpan.FromSeconds(2),
        NumMissedProbesLimit = 3,
        TableRefreshTimeout = TimeSpan.FromSeconds(1),
        IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5),
        DeathVoteExpirationTimeout = TimeSpan.FromSeconds(60),
        MaxJoinAttemptTime = TimeSpan.FromSeconds(60),
    };

    /// <summary>The same settings as environment variables for the silo processes.</summary>
    public static void ApplyTo(IDictionary<string, string> environment)
    {
        var prefix = "QuantumScheduler__Membership__";
        environment[prefix + nameof(MembershipOptions.ProbeTimeout)] = Options.ProbeTimeout.ToString("c");
        environment[prefix + nameof(MembershipOptions.NumMissedProbesLimit)] = Options.NumMissedProbesLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment[prefix + nameof(MembershipOptions.TableRefreshTimeout)] = Options.TableRefreshTimeout.ToString("c");
        environment[prefix + nameof(MembershipOptions.IAmAliveTablePublishTimeout)] = Options.IAmAliveTablePublishTimeout.ToString("c");
        environment[prefix + nameof(MembershipOptions.DeathVoteExpirationTimeout)] = Options.DeathVoteExpirationTimeout.ToString("c");
        environment[prefix + nameof(MembershipOptions.MaxJoinAttemptTime)] = Options.MaxJoinAttemptTime.ToString("c");
    }
}

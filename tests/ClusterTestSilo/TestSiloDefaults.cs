namespace QuantumScheduler.ClusterTestSilo;

/// <summary>Configuration defaults that suit tests (the command line and environment override them): reminders may
/// tick every second and their list is re-read every few seconds; membership re-reads its table every second and
/// declares a silent silo dead after about three seconds, so cluster tests take seconds, not minutes.</summary>
public static class TestSiloDefaults
{
    /// <summary>How often a silo re-reads the membership table: how stale a silo's view of the cluster can be.</summary>
    public static readonly TimeSpan MembershipTableRefresh = TimeSpan.FromSeconds(1);

    internal static IEnumerable<KeyValuePair<string, string?>> Configuration { get; } = new Dictionary<string, string?>
    {
        ["QuantumScheduler:Reminders:MinimumReminderPeriod"] = "00:00:01",
        ["QuantumScheduler:Reminders:RefreshReminderListPeriod"] = "00:00:05",
        ["QuantumScheduler:Reminders:ReminderLoadingWindow"] = "00:00:10",
        ["QuantumScheduler:Membership:TableRefreshTimeout"] = MembershipTableRefresh.ToString(),
        ["QuantumScheduler:Membership:ProbeTimeout"] = "00:00:01",
    };
}

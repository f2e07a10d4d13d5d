namespace QuantumScheduler.ClusterTestSilo;

/// <summary>Configuration defaults that suit tests (the command line and environment override them): reminders may
/// tick every second and their list is re-read every few seconds, so reminder tests take seconds, not minutes.</summary>
internal static class TestSiloDefaults
{
    public static IEnumerable<KeyValuePair<string, string?>> Configuration { get; } = new Dictionary<string, string?>
    {
        ["QuantumScheduler:Reminders:MinimumReminderPeriod"] = "00:00:01",
        ["QuantumScheduler:Reminders:RefreshReminderListPeriod"] = "00:00:05",
        ["QuantumScheduler:Reminders:ReminderLoadingWindow"] = "00:00:10",
    };
}

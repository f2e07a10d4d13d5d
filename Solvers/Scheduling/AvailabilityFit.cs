using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Scheduling;

/// <summary>Where a task could run on an agent if the agent had nothing else to do: a lower bound on any real schedule.</summary>
internal static class AvailabilityFit
{
    /// <summary>
    /// The earliest end of a task of <paramref name="duration"/> that starts no earlier than
    /// <paramref name="earliestStart"/> and runs wholly inside one window; null when no window can hold it.
    /// </summary>
    public static double? EarliestFinish(IReadOnlyList<TimeWindow>? windows, double earliestStart, double duration)
    {
        if (windows is null)
            return earliestStart + duration;
        double? best = null;
        foreach (var window in windows)
        {
            var start = Math.Max(earliestStart, window.Start);
            if (start + duration <= window.End && (best is null || start + duration < best))
                best = start + duration;
        }
        return best;
    }

    /// <summary>The longest window (infinite when the agent is always available).</summary>
    public static double LongestWindow(IReadOnlyList<TimeWindow>? windows) =>
        windows is null ? double.PositiveInfinity : windows.Select(w => w.End - w.Start).DefaultIfEmpty(0).Max();
}

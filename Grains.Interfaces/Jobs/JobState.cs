using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>Where a job is in its life. The last four are terminal.</summary>
[GenerateSerializer]
public enum JobState
{
    Submitted = 0,
    Queued = 1,
    Running = 2,
    /// <summary>Ended with a feasible schedule.</summary>
    Completed = 3,
    /// <summary>Ended (time limit, cancellation mid-solve, or no feasible schedule found) with the best schedule so far.</summary>
    Incomplete = 4,
    /// <summary>Every attempt and fallback failed; no schedule.</summary>
    Failed = 5,
    Cancelled = 6,
}

/// <summary>Helpers on <see cref="JobState"/>.</summary>
public static class JobStateExtensions
{
    /// <summary>True for completed, incomplete, failed and cancelled.</summary>
    public static bool IsTerminal(this JobState state) => state >= JobState.Completed;
}

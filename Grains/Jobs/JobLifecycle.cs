namespace QuantumScheduler.Grains.Jobs;

/// <summary>
/// The job state machine: submitted → queued → running → completed | incomplete | failed | cancelled, with running →
/// queued for a retry or a fallback and submitted → completed for a cache hit. Every transition is checked here, so a
/// job ends exactly once: nothing leaves a terminal state.
/// </summary>
public static class JobLifecycle
{
    public static bool CanMove(JobState from, JobState to) => (from, to) switch
    {
        (JobState.Submitted, JobState.Queued or JobState.Completed or JobState.Incomplete or JobState.Cancelled or JobState.Failed) => true,
        (JobState.Queued, JobState.Running or JobState.Cancelled or JobState.Failed) => true,
        (JobState.Running, JobState.Queued or JobState.Completed or JobState.Incomplete or JobState.Failed or JobState.Cancelled) => true,
        _ => false,
    };

    /// <exception cref="InvalidOperationException">The transition is not allowed; the message names both states.</exception>
    public static void EnsureCanMove(string jobId, JobState from, JobState to)
    {
        if (!CanMove(from, to))
            throw new InvalidOperationException($"Job {jobId} cannot move from {from} to {to}.");
    }
}

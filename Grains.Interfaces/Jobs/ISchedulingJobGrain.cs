using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>
/// One submitted scheduling problem (key: job id). Lifecycle: submitted → queued → running(backend, attempt) →
/// completed | incomplete | failed | cancelled. Persisted; a job whose silo dies resumes from its state on the next
/// call or reminder and completes exactly once.
/// </summary>
public interface ISchedulingJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates, reserves the estimated cost on the tenant's budget and queues the job. Idempotent: a second submit
    /// with the same <see cref="JobSubmission.ClientRequestId"/> returns the job as it is now; a different submission
    /// to an existing job id is refused with <see cref="Errors.JobConflictException"/>.
    /// Bad input is refused with <see cref="Errors.InvalidProblemException"/>, <see cref="Errors.UnknownBackendException"/>,
    /// <see cref="Errors.BackendUnavailableException"/>, <see cref="Errors.ProblemTooLargeException"/> or
    /// <see cref="Errors.BudgetExceededException"/>, and nothing is stored.
    /// </summary>
    Task<JobSnapshot> SubmitAsync(JobSubmission submission);

    /// <summary>The job as it is now; <see cref="Errors.JobNotFoundException"/> when nothing was submitted under this id.</summary>
    [ReadOnly]
    Task<JobSnapshot> GetStatusAsync();

    /// <summary>The result once the job has ended with a schedule (completed or incomplete); null before that.</summary>
    [ReadOnly]
    Task<JobResult?> GetResultAsync();

    /// <summary>Cancels a job that has not ended; its reservation is released. Cancelling an ended job changes nothing.</summary>
    Task<JobSnapshot> CancelAsync(string reason);

    /// <summary>
    /// The job's events with <see cref="JobProgressEvent.Sequence"/> greater than <paramref name="afterSequence"/>;
    /// when there are none yet, waits up to <paramref name="wait"/> for one (long poll), so watchers receive events as
    /// they happen. Interleaves with every other call.
    /// </summary>
    [AlwaysInterleave]
    Task<JobEventPage> GetEventsAsync(long afterSequence, TimeSpan wait);

    /// <summary>A worker's best-so-far report for the running attempt (ignored for any other attempt).</summary>
    [OneWay]
    Task ReportProgressAsync(AttemptProgress progress);

    /// <summary>A worker finished (or failed) an attempt. Idempotent per attempt number.</summary>
    Task CompleteAttemptAsync(AttemptOutcome outcome);
}

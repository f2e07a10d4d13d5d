using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>The persisted state of a scheduling job: what was submitted, where it is, what happened, and the plan of
/// backends it works through. <see cref="Submission"/> is null until a submit has been accepted.</summary>
[GenerateSerializer]
public sealed class JobRecord
{
    [Id(0)] public JobSubmission? Submission { get; set; }

    /// <summary>Hash of the submission's content, to tell a repeated submit from a conflicting one.</summary>
    [Id(1)] public string Fingerprint { get; set; } = "";

    [Id(2)] public JobState State { get; set; }

    [Id(3)] public string? ProblemName { get; set; }

    /// <summary>The strategy or backend name the job was submitted with, as resolved.</summary>
    [Id(4)] public string Strategy { get; set; } = "";

    /// <summary>Task-agent variables of the problem.</summary>
    [Id(5)] public int ProblemSize { get; set; }

    [Id(6)] public List<JobTransition> Transitions { get; set; } = [];

    [Id(7)] public List<JobAttempt> Attempts { get; set; } = [];

    [Id(8)] public List<JobProgressEvent> Events { get; set; } = [];

    /// <summary>The ranked backends, best first; empty until the first dispatch ranks them.</summary>
    [Id(9)] public List<string> Plan { get; set; } = [];

    /// <summary>The plan entry being tried.</summary>
    [Id(10)] public int PlanIndex { get; set; }

    /// <summary>Attempts made on the current plan entry.</summary>
    [Id(11)] public int TriesOnBackend { get; set; }

    /// <summary>When a queued job may dispatch again (retry backoff); null = now.</summary>
    [Id(12)] public DateTimeOffset? NextDispatchAt { get; set; }

    [Id(13)] public double? BestObjective { get; set; }

    [Id(14)] public string? Error { get; set; }

    [Id(15)] public bool FromCache { get; set; }

    [Id(16)] public decimal EstimatedCost { get; set; }

    [Id(17)] public decimal? ActualCost { get; set; }

    [Id(18)] public DateTimeOffset SubmittedAt { get; set; }

    [Id(19)] public DateTimeOffset? EndedAt { get; set; }

    [Id(20)] public JobResult? Result { get; set; }

    [Id(21)] public string CacheKey { get; set; } = "";

    /// <summary>True once the budget reservation has been settled or released (the job's last duty after it ends).</summary>
    [Id(22)] public bool BudgetClosed { get; set; }

    /// <summary>True when the budget holds a reservation for this job (false for cache hits).</summary>
    [Id(23)] public bool Reserved { get; set; }

    /// <summary>The attempt that is its backend's half-open circuit-breaker trial, if any (0 = none).</summary>
    [Id(24)] public int TrialAttempt { get; set; }

    /// <summary>What the budget holds reserved for this job: the estimate at submit, raised when an attempt beyond it
    /// starts (see <c>CoverAttemptAsync</c>).</summary>
    [Id(25)] public decimal ReservedCost { get; set; }

    public JobAttempt? CurrentAttempt => Attempts.Count > 0 && Attempts[^1].Outcome is null ? Attempts[^1] : null;

    public long LastSequence => Events.Count == 0 ? 0 : Events[^1].Sequence;
}

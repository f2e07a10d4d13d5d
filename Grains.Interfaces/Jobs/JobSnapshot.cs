using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>A job as it is now.</summary>
[GenerateSerializer]
public sealed record JobSnapshot
{
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required JobState State { get; init; }
    [Id(2)] public required string Tenant { get; init; }
    [Id(3)] public string? ClientRequestId { get; init; }
    [Id(4)] public string? ProblemName { get; init; }

    /// <summary>The backend of the running or last attempt.</summary>
    [Id(5)] public string? Backend { get; init; }

    /// <summary>The number of the running or last attempt (1-based); 0 before the first.</summary>
    [Id(6)] public int Attempt { get; init; }

    /// <summary>Every state change with its time, oldest first.</summary>
    [Id(7)] public IReadOnlyList<JobTransition> Transitions { get; init; } = [];

    [Id(8)] public IReadOnlyList<JobAttempt> Attempts { get; init; } = [];

    /// <summary>The best objective reported so far (progress or result).</summary>
    [Id(9)] public double? BestObjective { get; init; }

    /// <summary>Why the job failed or was cancelled.</summary>
    [Id(10)] public string? Error { get; init; }

    /// <summary>True when the result came from the solution cache.</summary>
    [Id(11)] public bool FromCache { get; init; }

    [Id(12)] public decimal EstimatedCost { get; init; }

    /// <summary>The settled cost once the job has ended.</summary>
    [Id(13)] public decimal? ActualCost { get; init; }

    [Id(14)] public required DateTimeOffset SubmittedAt { get; init; }
}

/// <summary>One state change.</summary>
[GenerateSerializer]
public sealed record JobTransition([property: Id(0)] JobState State, [property: Id(1)] DateTimeOffset At, [property: Id(2)] string? Backend, [property: Id(3)] int Attempt, [property: Id(4)] string? Detail);

/// <summary>One attempt on one backend.</summary>
[GenerateSerializer]
public sealed record JobAttempt
{
    [Id(0)] public required int Number { get; init; }
    [Id(1)] public required string Backend { get; init; }
    /// <summary>The worker node that ran it.</summary>
    [Id(2)] public string? Worker { get; init; }
    [Id(3)] public required DateTimeOffset StartedAt { get; init; }
    [Id(4)] public DateTimeOffset? EndedAt { get; init; }
    /// <summary>Null while running.</summary>
    [Id(5)] public AttemptResultKind? Outcome { get; init; }
    [Id(6)] public string? Error { get; init; }
}

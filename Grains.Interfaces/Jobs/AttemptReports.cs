using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>A running attempt's best-so-far report, sent by the worker to the job.</summary>
[GenerateSerializer]
public sealed record AttemptProgress([property: Id(0)] int Attempt, [property: Id(1)] TimeSpan Elapsed, [property: Id(2)] double BestObjective, [property: Id(3)] bool BestIsFeasible);

/// <summary>How an attempt ended.</summary>
[GenerateSerializer]
public enum AttemptResultKind
{
    /// <summary>The backend returned a schedule (feasible or not).</summary>
    Solved = 0,
    /// <summary>The backend threw or timed out beyond its limit: counts against its circuit breaker.</summary>
    Failed = 1,
    /// <summary>The backend refused the problem (capabilities, size): try the next backend, not the breaker's fault.</summary>
    Refused = 2,
    Cancelled = 3,
}

/// <summary>A finished attempt, sent by the worker to the job.</summary>
[GenerateSerializer]
public sealed record AttemptOutcome
{
    [Id(0)] public required int Attempt { get; init; }
    [Id(1)] public required AttemptResultKind Kind { get; init; }
    [Id(2)] public JobResult? Result { get; init; }
    [Id(3)] public string? Error { get; init; }
    [Id(4)] public required string Worker { get; init; }
    /// <summary>Resources the attempt consumed, for the cost ledger.</summary>
    [Id(5)] public double CoreSeconds { get; init; }
    [Id(6)] public double QubitSeconds { get; init; }
    [Id(7)] public long Shots { get; init; }
}

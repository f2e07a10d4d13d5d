using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// The circuit breaker of one backend (key: backend name): closed → open after <c>failure_threshold</c> consecutive
/// failures → half-open after <c>recovery_timeout</c>, admitting one trial → closed on its success, open again on its
/// failure. Jobs never go to a backend whose breaker does not admit them; they fall back.
/// </summary>
public interface ICircuitBreakerGrain : IGrainWithStringKey
{
    /// <summary>Asks to run one attempt. Closed: admitted. Open before the timeout: refused. Open after the timeout:
    /// half-open, this caller's attempt is the one trial. Half-open with the trial in flight: refused.</summary>
    Task<BreakerPermit> TryAcquireAsync();

    /// <summary>The admitted attempt succeeded.</summary>
    Task RecordSuccessAsync();

    /// <summary>The admitted attempt failed (the backend threw or exceeded its limit; a refusal is not a failure).</summary>
    Task RecordFailureAsync(string error);

    [ReadOnly]
    Task<BreakerSnapshot> GetStateAsync();
}

[GenerateSerializer]
public enum BreakerState
{
    Closed = 0,
    Open = 1,
    HalfOpen = 2,
}

/// <summary>Whether an attempt may run, and the state that decided it.</summary>
[GenerateSerializer]
public sealed record BreakerPermit([property: Id(0)] bool Admitted, [property: Id(1)] BreakerState State, [property: Id(2)] DateTimeOffset? RetryAt);

/// <summary>A breaker's state for operators.</summary>
[GenerateSerializer]
public sealed record BreakerSnapshot
{
    [Id(0)] public required string Backend { get; init; }
    [Id(1)] public required BreakerState State { get; init; }
    [Id(2)] public int ConsecutiveFailures { get; init; }
    [Id(3)] public DateTimeOffset? OpenedAt { get; init; }
    /// <summary>When an open breaker half-opens; for a half-open breaker with its trial in flight, when that trial
    /// counts as lost and another caller may become the trial.</summary>
    [Id(4)] public DateTimeOffset? RetryAt { get; init; }
    [Id(5)] public bool TrialInFlight { get; init; }
    [Id(6)] public string? LastError { get; init; }
}

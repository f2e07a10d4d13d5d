using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Backends;

/// <summary>A breaker's persisted state.</summary>
[GenerateSerializer]
public sealed class CircuitBreakerGrainState
{
    [Id(0)] public BreakerState State { get; set; } = BreakerState.Closed;
    [Id(1)] public int ConsecutiveFailures { get; set; }
    [Id(2)] public DateTimeOffset? OpenedAt { get; set; }
    [Id(3)] public bool TrialInFlight { get; set; }
    [Id(4)] public string? LastError { get; set; }
    [Id(5)] public DateTimeOffset? TrialStartedAt { get; set; }
}

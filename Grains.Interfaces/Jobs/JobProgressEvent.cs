using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>What happened to a job, numbered in order from 1.</summary>
[GenerateSerializer]
public sealed record JobProgressEvent
{
    [Id(0)] public required long Sequence { get; init; }
    [Id(1)] public required DateTimeOffset At { get; init; }
    [Id(2)] public required JobEventKind Kind { get; init; }
    [Id(3)] public required JobState State { get; init; }
    [Id(4)] public string? Backend { get; init; }
    [Id(5)] public int Attempt { get; init; }
    /// <summary>Best-so-far objective (progress and completion events).</summary>
    [Id(6)] public double? BestObjective { get; init; }
    [Id(7)] public bool? BestIsFeasible { get; init; }
    /// <summary>Time spent in the current attempt.</summary>
    [Id(8)] public TimeSpan? Elapsed { get; init; }
    /// <summary>Fraction of the attempt's time limit used, 0..1, for progress bars.</summary>
    [Id(9)] public double? Fraction { get; init; }
    [Id(10)] public string? Message { get; init; }
}

[GenerateSerializer]
public enum JobEventKind
{
    StateChanged = 0,
    Progress = 1,
    AttemptFailed = 2,
    FellBack = 3,
}

/// <summary>A page of events; <see cref="IsTerminal"/> tells a watcher it can stop.</summary>
[GenerateSerializer]
public sealed record JobEventPage([property: Id(0)] IReadOnlyList<JobProgressEvent> Events, [property: Id(1)] long LastSequence, [property: Id(2)] bool IsTerminal);

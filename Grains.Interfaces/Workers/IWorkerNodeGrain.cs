using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Workers;

/// <summary>
/// One worker (key: worker id, one per silo): where solves actually run. Accepts work up to its queue limit, runs at
/// most <c>max_workers</c> solves at once on a bounded pool off the grain's turn, and reports each attempt's progress
/// and outcome to its job grain.
/// </summary>
public interface IWorkerNodeGrain : IGrainWithStringKey
{
    /// <summary>Queues a solve; returns at once. Refused (Accepted = false) when the queue is full.</summary>
    Task<WorkAcceptance> EnqueueAsync(SolveWorkItem item);

    /// <summary>Cancels the job's attempt if it is queued or running here.</summary>
    Task CancelAsync(string jobId, int attempt);

    [ReadOnly]
    Task<WorkerLoad> GetLoadAsync();

    /// <summary>True while the job's attempt is queued or running here (until its outcome has been delivered), so a
    /// resuming job can tell a live attempt from one lost with its silo.</summary>
    [ReadOnly]
    Task<bool> HasAttemptAsync(string jobId, int attempt);
}

/// <summary>One attempt to run.</summary>
[GenerateSerializer]
public sealed record SolveWorkItem
{
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required int Attempt { get; init; }
    [Id(2)] public required string Backend { get; init; }
    [Id(3)] public required string ProblemJson { get; init; }
    [Id(4)] public required TimeSpan TimeLimit { get; init; }
    [Id(5)] public int Seed { get; init; } = 1;
}

[GenerateSerializer]
public sealed record WorkAcceptance([property: Id(0)] bool Accepted, [property: Id(1)] int QueuePosition, [property: Id(2)] string? Reason);

/// <summary>A worker's load, as load balancers and the autoscaler read it.</summary>
[GenerateSerializer]
public sealed record WorkerLoad
{
    [Id(0)] public required string WorkerId { get; init; }
    [Id(1)] public required int MaxWorkers { get; init; }
    [Id(2)] public required int Running { get; init; }
    [Id(3)] public required int Queued { get; init; }
    /// <summary>Weight for weighted round robin (from configuration).</summary>
    [Id(4)] public double Weight { get; init; } = 1.0;
    [Id(5)] public double? LatencyP95Ms { get; init; }
    [Id(6)] public double ErrorRate { get; init; }
    [Id(7)] public bool Healthy { get; init; } = true;
    /// <summary>Process CPU utilisation over the last interval, 0..1 per core count.</summary>
    [Id(8)] public double CpuUtilization { get; init; }
    [Id(9)] public long Completed { get; init; }
}

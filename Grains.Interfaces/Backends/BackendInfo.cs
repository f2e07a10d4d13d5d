using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Backends;

/// <summary>A backend as operators and strategies see it.</summary>
[GenerateSerializer]
public sealed record BackendInfo
{
    [Id(0)] public required string Name { get; init; }
    /// <summary>classical, quantum_simulator, hybrid or quantum_hardware.</summary>
    [Id(1)] public required string Family { get; init; }
    [Id(2)] public required bool Enabled { get; init; }
    [Id(3)] public double Weight { get; init; } = 1.0;
    /// <summary>Largest problem accepted, in task-agent variables; null = no limit.</summary>
    [Id(4)] public int? MaxProblemSize { get; init; }
    [Id(5)] public int? MaxQubits { get; init; }
    /// <summary>Whether it can run on this machine (e.g. CBC installed) and if not, why.</summary>
    [Id(6)] public required bool Available { get; init; }
    [Id(7)] public string? AvailabilityReason { get; init; }
    [Id(8)] public required bool Healthy { get; init; }
    [Id(9)] public DateTimeOffset? LastHealthCheck { get; init; }
    [Id(10)] public string? HealthDetail { get; init; }
    [Id(11)] public required BackendStats Stats { get; init; }
}

/// <summary>Rolling statistics over the most recent attempts.</summary>
[GenerateSerializer]
public sealed record BackendStats
{
    [Id(0)] public int Attempts { get; init; }
    [Id(1)] public double SuccessRate { get; init; }
    [Id(2)] public double? LatencyP50Ms { get; init; }
    [Id(3)] public double? LatencyP95Ms { get; init; }
    [Id(4)] public double? LatencyP99Ms { get; init; }
    /// <summary>Per problem-size class (<c>small</c>, <c>medium</c>, <c>large</c>; see docs): what strategies learn from.</summary>
    [Id(5)] public IReadOnlyList<SizeClassStats> BySize { get; init; } = [];
}

/// <summary>Statistics of one problem-size class.</summary>
[GenerateSerializer]
public sealed record SizeClassStats
{
    [Id(0)] public required string SizeClass { get; init; }
    [Id(1)] public int Attempts { get; init; }
    [Id(2)] public double SuccessRate { get; init; }
    [Id(3)] public double? LatencyP50Ms { get; init; }
    /// <summary>Mean relative gap to the best known objective (0 = best), over solved attempts; null when unknown.</summary>
    [Id(4)] public double? MeanQualityGap { get; init; }
    [Id(5)] public double FeasibleRate { get; init; }
}

/// <summary>One finished attempt, as recorded in the backend's statistics.</summary>
[GenerateSerializer]
public sealed record BackendOutcome
{
    [Id(0)] public required bool Success { get; init; }
    [Id(1)] public required TimeSpan Latency { get; init; }
    /// <summary>Task-agent variables of the problem (its size).</summary>
    [Id(2)] public required int ProblemSize { get; init; }
    [Id(3)] public bool Feasible { get; init; }
    /// <summary>Relative gap to the best known objective for the problem, when known.</summary>
    [Id(4)] public double? QualityGap { get; init; }
    [Id(5)] public string? Error { get; init; }
    [Id(6)] public DateTimeOffset At { get; init; }
}

using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Autoscaling;

/// <summary>
/// Decides the cluster's silo count (key: cluster name) from load read out of grain telemetry: reactive (HPA-style),
/// predictive and custom rules, within min/max, with stabilization windows and cooldowns. Every decision is recorded
/// with its inputs and reason; a provisioner (<c>local-process</c> or <c>recommend-only</c>) applies it.
/// </summary>
public interface IAutoscalerGrain : IGrainWithStringKey
{
    /// <summary>Reads the load now, decides, applies through the provisioner and records the decision.</summary>
    Task<ScalingDecision> EvaluateAsync();

    /// <summary>The most recent decisions, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ScalingDecision>> GetDecisionsAsync(int max);
}

/// <summary>The cluster's load at one moment.</summary>
[GenerateSerializer]
public sealed record LoadSample
{
    [Id(0)] public required DateTimeOffset At { get; init; }
    [Id(1)] public required int Silos { get; init; }
    /// <summary>Solves waiting in worker queues, summed over workers.</summary>
    [Id(2)] public int QueueLength { get; init; }
    [Id(3)] public int RunningSolves { get; init; }
    /// <summary>Mean CPU utilisation over silos, 0..1.</summary>
    [Id(4)] public double CpuUtilization { get; init; }
    [Id(5)] public double? LatencyP95Ms { get; init; }
    /// <summary>Failed attempts ÷ attempts over the last interval, 0..1.</summary>
    [Id(6)] public double ErrorRate { get; init; }
}

/// <summary>One decision and why.</summary>
[GenerateSerializer]
public sealed record ScalingDecision
{
    [Id(0)] public required DateTimeOffset At { get; init; }
    [Id(1)] public required int CurrentSilos { get; init; }
    [Id(2)] public required int DesiredSilos { get; init; }
    /// <summary>The count actually requested from the provisioner (after stabilization, cooldown and min/max).</summary>
    [Id(3)] public required int TargetSilos { get; init; }
    [Id(4)] public required bool Applied { get; init; }
    /// <summary>reactive, predictive, rule:&lt;name&gt;, bounds (a count outside min/max corrected), or none.</summary>
    [Id(5)] public required string Source { get; init; }
    [Id(6)] public required string Reason { get; init; }
    [Id(7)] public required LoadSample Inputs { get; init; }
    [Id(8)] public string Provisioner { get; init; } = "recommend-only";
}

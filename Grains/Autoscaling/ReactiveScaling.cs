using QuantumScheduler.Grains.Configuration;
using static QuantumScheduler.Grains.Autoscaling.ScalingMetrics;

namespace QuantumScheduler.Grains.Autoscaling;

/// <summary>
/// Kubernetes' HPA rule on the current sample: for each metric with a target, desired = ceil(current × metric ÷ target)
/// (current when within tolerance); the largest wins. Metrics: mean CPU utilisation vs
/// <see cref="AutoscalerOptions.TargetCpuUtilization"/>, queued solves per silo vs
/// <see cref="AutoscalerOptions.TargetQueueLengthPerSilo"/>, and p95 latency vs
/// <see cref="AutoscalerOptions.TargetLatencyP95Ms"/> when both are known.
/// </summary>
internal static class ReactiveScaling
{
    public const string Source = "reactive";

    public static ScalingProposal Propose(LoadSample sample, int current, AutoscalerOptions options)
    {
        var metrics = new List<(string Name, double Value, double Target, int Desired)>();
        Add("cpu", sample.CpuUtilization, options.TargetCpuUtilization);
        Add("queue/silo", (double)sample.QueueLength / current, options.TargetQueueLengthPerSilo);
        if (options.TargetLatencyP95Ms is { } latencyTarget && sample.LatencyP95Ms is { } latency)
            Add("p95 ms", latency, latencyTarget);

        var desired = metrics.Max(static metric => metric.Desired);
        var reasons = metrics.Select(metric =>
            $"{metric.Name} {Format(metric.Value)} vs target {Format(metric.Target)} → " +
            (Math.Abs(metric.Value / metric.Target - 1) <= options.Tolerance
                ? $"{current} (within tolerance)"
                : $"ceil({current} × {Format(metric.Value / metric.Target)}) = {metric.Desired}"));
        return new ScalingProposal(Source, desired, string.Join("; ", reasons));

        void Add(string name, double value, double target) =>
            metrics.Add((name, value, target, Desired(current, value / target, options.Tolerance)));
    }
}

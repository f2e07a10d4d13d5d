using QuantumScheduler.Grains.Configuration;
using static QuantumScheduler.Grains.Autoscaling.ScalingMetrics;

namespace QuantumScheduler.Grains.Autoscaling;

/// <summary>The operator's rules (<see cref="AutoscalerOptions.Rules"/>): each rule whose condition holds proposes
/// current + <see cref="ScalingRuleOptions.Add"/>.</summary>
internal static class CustomScalingRules
{
    /// <summary>The metric names rules may use.</summary>
    public static readonly IReadOnlyList<string> Metrics = ["queue_length", "running_solves", "cpu", "latency_p95_ms", "error_rate"];

    public static IEnumerable<ScalingProposal> Propose(LoadSample sample, int current, IEnumerable<ScalingRuleOptions> rules)
    {
        foreach (var rule in rules)
        {
            if (Read(sample, rule.Metric) is not { } value)
                continue;
            var condition = rule.Above is { } above && value > above ? $"> {Format(above)}"
                : rule.Below is { } below && value < below ? $"< {Format(below)}"
                : null;
            if (condition is null)
                continue;
            yield return new ScalingProposal($"rule:{rule.Name}", current + rule.Add,
                $"rule {rule.Name}: {rule.Metric} {Format(value)} {condition} → {current} {(rule.Add >= 0 ? "+" : "−")} {Math.Abs(rule.Add)}");
        }
    }

    private static double? Read(LoadSample sample, string metric) => metric switch
    {
        "queue_length" => sample.QueueLength,
        "running_solves" => sample.RunningSolves,
        "cpu" => sample.CpuUtilization,
        "latency_p95_ms" => sample.LatencyP95Ms,
        "error_rate" => sample.ErrorRate,
        _ => throw new InvalidOperationException($"Unknown scaling rule metric \"{metric}\"; known: {string.Join(", ", Metrics)}."),
    };
}

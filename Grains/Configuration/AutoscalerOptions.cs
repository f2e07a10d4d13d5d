namespace QuantumScheduler.Grains.Configuration;

/// <summary>
/// The autoscaler's rules, bound from <c>QuantumScheduler:Autoscaler</c>. Reactive scaling follows Kubernetes' HPA:
/// desired = ceil(current × metric ÷ target) for each metric, the largest wins, ignored within <see cref="Tolerance"/>.
/// </summary>
public sealed class AutoscalerOptions
{
    public const string SectionName = "QuantumScheduler:Autoscaler";

    /// <summary>Evaluate on a timer at this interval; zero disables the timer (evaluate on demand). Default 15 s (HPA's sync period).</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int MinSilos { get; set; } = 1;

    public int MaxSilos { get; set; } = 10;

    /// <summary>Target mean CPU utilisation, 0..1 (seed: &lt; 70 %). Default 0.7.</summary>
    public double TargetCpuUtilization { get; set; } = 0.7;

    /// <summary>Target queued solves per silo (seed: request queue &lt; 100). Default 100.</summary>
    public double TargetQueueLengthPerSilo { get; set; } = 100;

    /// <summary>Target p95 latency in ms (seed: &lt; 200 ms); null = not a scaling metric.</summary>
    public double? TargetLatencyP95Ms { get; set; }

    /// <summary>A ratio within 1 ± tolerance causes no change (HPA default 0.1).</summary>
    public double Tolerance { get; set; } = 0.1;

    /// <summary>Scale up to the highest recommendation of this window (HPA default 0 s).</summary>
    public TimeSpan ScaleUpStabilizationWindow { get; set; } = TimeSpan.Zero;

    /// <summary>Scale down only to the highest recommendation of this window (HPA default 300 s).</summary>
    public TimeSpan ScaleDownStabilizationWindow { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Minimum time after a scale-up before the next change. Default 60 s.</summary>
    public TimeSpan ScaleUpCooldown { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Minimum time after any change before a scale-down. Default 300 s.</summary>
    public TimeSpan ScaleDownCooldown { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Forecast load this far ahead from recent history (linear trend); zero disables predictive scaling. Default 0.</summary>
    public TimeSpan PredictionHorizon { get; set; } = TimeSpan.Zero;

    /// <summary><c>recommend-only</c> (default) or <c>local-process</c>.</summary>
    public string Provisioner { get; set; } = "recommend-only";

    /// <summary>Custom rules, e.g. <c>{ Name = "queue-burst", Metric = "queue_length", Above = 100, Add = 2 }</c>.</summary>
    public List<ScalingRuleOptions> Rules { get; set; } = [];
}

/// <summary>A custom rule: when <see cref="Metric"/> is above <see cref="Above"/> (or below <see cref="Below"/>), add
/// <see cref="Add"/> silos (negative removes).</summary>
public sealed class ScalingRuleOptions
{
    public string Name { get; set; } = "";

    /// <summary><c>queue_length</c>, <c>running_solves</c>, <c>cpu</c>, <c>latency_p95_ms</c> or <c>error_rate</c>.</summary>
    public string Metric { get; set; } = "";

    public double? Above { get; set; }

    public double? Below { get; set; }

    public int Add { get; set; }
}

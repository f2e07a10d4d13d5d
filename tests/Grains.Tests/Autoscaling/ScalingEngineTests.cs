using QuantumScheduler.Grains.Autoscaling;
using QuantumScheduler.Grains.Configuration;
using static QuantumScheduler.Grains.Tests.Autoscaling.LoadReplay;

namespace QuantumScheduler.Grains.Tests.Autoscaling;

public sealed class ScalingEngineTests
{
    private static LoadSample Sample(int silos, double cpu = 0.7, int queue = 0, double seconds = 0, double? p95 = null, int running = 0) => new()
    {
        At = Start.AddSeconds(seconds),
        Silos = silos,
        CpuUtilization = cpu,
        QueueLength = queue,
        LatencyP95Ms = p95,
        RunningSolves = running,
    };

    private static ScalingDecision Decide(AutoscalerOptions options, LoadSample sample, ScalingMemory? memory = null) =>
        new ScalingEngine(options).Evaluate(sample, memory ?? new ScalingMemory(), "recommend-only");

    [Fact]
    public void Reactive_desired_is_ceil_of_current_times_metric_over_target()
    {
        var decision = Decide(new AutoscalerOptions(), Sample(silos: 3, cpu: 0.91));

        Assert.Equal((4, 4, "reactive"), (decision.DesiredSilos, decision.TargetSilos, decision.Source));
        Assert.Contains("cpu 0.91 vs target 0.7 → ceil(3 × 1.3) = 4", decision.Reason);
        Assert.Equal(0.91, decision.Inputs.CpuUtilization);
    }

    [Fact]
    public void The_largest_metric_wins_and_max_silos_caps_it()
    {
        var options = new AutoscalerOptions { TargetLatencyP95Ms = 200 };

        var decision = Decide(options, Sample(silos: 2, cpu: 0.8, queue: 700, p95: 300));

        Assert.Equal(7, decision.DesiredSilos); // queue: 350 per silo vs 100 → ceil(2 × 3.5); cpu → 3; latency → 3
        Assert.Equal(7, decision.TargetSilos);
        Assert.Contains("p95 ms 300 vs target 200", decision.Reason);
        Assert.Equal(10, Decide(options, Sample(silos: 2, queue: 5000)).TargetSilos);
        Assert.Contains("clamped to min 1/max 10", Decide(options, Sample(silos: 2, queue: 5000)).Reason);
    }

    [Theory]
    [InlineData(0.75)]
    [InlineData(0.64)]
    public void A_ratio_within_tolerance_changes_nothing(double cpu)
    {
        var decision = Decide(new AutoscalerOptions(), Sample(silos: 3, cpu: cpu));

        Assert.Equal((3, 3, "none"), (decision.DesiredSilos, decision.TargetSilos, decision.Source));
        Assert.Contains("within tolerance", decision.Reason);
    }

    [Fact]
    public void The_scale_up_window_follows_the_lowest_recent_recommendation()
    {
        var options = new AutoscalerOptions { ScaleUpStabilizationWindow = TimeSpan.FromSeconds(60) };
        var memory = new ScalingMemory();

        Decide(options, Sample(silos: 2, cpu: 0.7, seconds: 0), memory);
        var spike = Decide(options, Sample(silos: 2, cpu: 1.0, seconds: 15), memory);
        Decide(options, Sample(silos: 2, cpu: 1.0, seconds: 60), memory);
        var sustained = Decide(options, Sample(silos: 2, cpu: 1.0, seconds: 61), memory);

        Assert.Equal((3, 2), (spike.DesiredSilos, spike.TargetSilos));
        Assert.Contains("scale-up stabilized to 2", spike.Reason);
        Assert.Equal(3, sustained.TargetSilos); // the window no longer holds the calm recommendation of t = 0
    }

    [Fact]
    public void After_a_scale_up_the_cooldown_holds_every_change_until_it_ends()
    {
        var memory = new ScalingMemory();
        var options = new AutoscalerOptions { ScaleDownStabilizationWindow = TimeSpan.Zero };

        var up = Decide(options, Sample(silos: 2, cpu: 1.0, seconds: 0), memory);
        var heldUp = Decide(options, Sample(silos: 3, cpu: 1.0, seconds: 59), memory);
        var next = Decide(options, Sample(silos: 3, cpu: 1.0, seconds: 60), memory);

        Assert.Equal(3, up.TargetSilos);
        Assert.Equal(3, heldUp.TargetSilos);
        Assert.Contains("held: scale-up cooldown until 2026-11-25T12:01:00", heldUp.Reason);
        Assert.Equal(5, next.TargetSilos);
    }

    [Fact]
    public void A_scale_down_waits_for_the_scale_down_cooldown_after_any_change()
    {
        var memory = new ScalingMemory();
        var options = new AutoscalerOptions { ScaleDownStabilizationWindow = TimeSpan.Zero, ScaleUpCooldown = TimeSpan.Zero };

        Decide(options, Sample(silos: 2, cpu: 1.0, seconds: 0), memory);
        var held = Decide(options, Sample(silos: 3, cpu: 0.2, seconds: 299), memory);
        var down = Decide(options, Sample(silos: 3, cpu: 0.2, seconds: 300), memory);

        Assert.Equal(3, held.TargetSilos);
        Assert.Contains("held: scale-down cooldown", held.Reason);
        Assert.Equal(1, down.TargetSilos);
    }

    [Fact]
    public void Predictive_scaling_goes_up_ahead_of_a_rising_trend()
    {
        var options = new AutoscalerOptions { PredictionHorizon = TimeSpan.FromSeconds(120) };
        var memory = new ScalingMemory();

        var decisions = Enumerable.Range(0, 5)
            .Select(i => Decide(options, Sample(silos: 1, cpu: 0.7, queue: 20 * i, seconds: 15 * i), memory))
            .ToArray();

        Assert.Equal((1, 1), (decisions[0].TargetSilos, decisions[1].TargetSilos)); // fewer than 3 samples: no trend yet
        var first = decisions[2];
        Assert.Equal(("predictive", 2), (first.Source, first.TargetSilos)); // 40 queued, +20 per 15 s: 200 in 120 s against 100 per silo
        Assert.Contains("queue/silo 40 vs target 100 → ceil(1 × 0.4) = 1", first.Reason); // the reactive rule alone would shrink, not grow
        Assert.Contains("trend over 3 samples", first.Reason);
    }

    [Fact]
    public void A_falling_trend_never_scales_down_on_its_own()
    {
        var options = new AutoscalerOptions { PredictionHorizon = TimeSpan.FromSeconds(120), ScaleDownCooldown = TimeSpan.Zero };
        var memory = new ScalingMemory();

        var decisions = Enumerable.Range(0, 6)
            .Select(i => Decide(options, Sample(silos: 4, cpu: 0.7 - 0.01 * i, seconds: 15 * i), memory))
            .ToArray();

        Assert.All(decisions, static d => Assert.Equal((4, "none"), (d.TargetSilos, d.Source)));
    }

    [Fact]
    public void A_custom_rule_adds_silos_when_its_condition_holds()
    {
        var options = new AutoscalerOptions
        {
            TargetQueueLengthPerSilo = 1000,
            Rules = [new ScalingRuleOptions { Name = "queue-burst", Metric = "queue_length", Above = 100, Add = 2 }],
        };

        var burst = Decide(options, Sample(silos: 3, queue: 150));
        var calm = Decide(options, Sample(silos: 3, queue: 100));

        Assert.Equal((5, "rule:queue-burst"), (burst.TargetSilos, burst.Source));
        Assert.Contains("rule queue-burst: queue_length 150 > 100 → 3 + 2", burst.Reason);
        Assert.Equal((3, "none"), (calm.TargetSilos, calm.Source));
    }

    [Fact]
    public void The_largest_upward_proposal_wins_over_a_rule()
    {
        var options = new AutoscalerOptions
        {
            Rules = [new ScalingRuleOptions { Name = "queue-burst", Metric = "queue_length", Above = 100, Add = 2 }],
        };

        var decision = Decide(options, Sample(silos: 2, queue: 1000));

        Assert.Equal((10, "reactive"), (decision.TargetSilos, decision.Source));
    }

    [Fact]
    public void A_rule_can_scale_down_while_the_reactive_rule_holds()
    {
        var options = new AutoscalerOptions
        {
            ScaleDownStabilizationWindow = TimeSpan.Zero,
            Rules = [new ScalingRuleOptions { Name = "idle", Metric = "running_solves", Below = 1, Add = -1 }],
        };

        var decision = Decide(options, Sample(silos: 3, cpu: 0.65, running: 0));

        Assert.Equal((2, "rule:idle"), (decision.TargetSilos, decision.Source));
    }

    [Fact]
    public void A_count_outside_min_and_max_is_corrected_at_once_even_in_a_cooldown()
    {
        var options = new AutoscalerOptions { MinSilos = 2, MaxSilos = 5 };
        var memory = new ScalingMemory { LastScaleUp = Start, LastChange = Start };

        var tooMany = Decide(options, Sample(silos: 8, seconds: 1), memory);
        var tooFew = Decide(options, Sample(silos: 1, cpu: 0.1, seconds: 2), memory);

        Assert.Equal((5, "bounds"), (tooMany.TargetSilos, tooMany.Source));
        Assert.Equal((2, "bounds"), (tooFew.TargetSilos, tooFew.Source));
    }

    [Fact]
    public void The_decision_history_is_bounded_and_read_newest_first()
    {
        var replay = new LoadReplay(new AutoscalerOptions(), silos: 1).Run(Steady(0.7, ScalingMemory.DecisionHistoryLimit + 100), TimeSpan.FromSeconds(15));

        Assert.Equal(ScalingMemory.DecisionHistoryLimit, replay.Memory.Decisions.Count);
        var newest = replay.Memory.Newest(3);
        Assert.Equal(replay.Decisions[^1], newest[0]);
        Assert.True(newest[0].At > newest[1].At && newest[1].At > newest[2].At);
    }

    [Fact]
    public void Memory_keeps_only_what_the_windows_and_horizon_need()
    {
        var options = new AutoscalerOptions { PredictionHorizon = TimeSpan.FromSeconds(60) };
        var replay = new LoadReplay(options, silos: 1).Run(Steady(0.7, 100), TimeSpan.FromSeconds(15));

        Assert.Equal(5, replay.Memory.Samples.Count); // t-60 … t
        Assert.Equal(21, replay.Memory.Recommendations.Count); // the 300 s scale-down window: t-300 … t
    }

    [Fact]
    public void The_validator_names_every_bad_autoscaler_option()
    {
        var result = new AutoscalerOptionsValidator().Validate(null, new AutoscalerOptions
        {
            MinSilos = 0,
            MaxSilos = -1,
            TargetCpuUtilization = 1.5,
            TargetQueueLengthPerSilo = 0,
            Tolerance = 1,
            ScaleDownCooldown = TimeSpan.FromSeconds(-1),
            Provisioner = "kubernetes",
            Rules = [new ScalingRuleOptions { Name = "", Metric = "temperature", Add = 0 }],
        });

        Assert.True(result.Failed);
        foreach (var expected in new[]
                 {
                     "MinSilos", "MaxSilos", "TargetCpuUtilization", "TargetQueueLengthPerSilo", "Tolerance", "ScaleDownCooldown",
                     "Provisioner \"kubernetes\"", "Rules:0:Name", "Rules:0:Metric \"temperature\"", "exactly one of Above and Below", "Rules:0:Add",
                 })
            Assert.Contains(expected, result.FailureMessage);
        Assert.True(new AutoscalerOptionsValidator().Validate(null, new AutoscalerOptions()).Succeeded);
    }
}

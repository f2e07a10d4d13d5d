using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Grains.Autoscaling;

/// <summary>
/// The autoscaler's decision, a pure function of the options, the sample and the memory (time is the sample's
/// <see cref="LoadSample.At"/>), so recorded load series replay exactly. One evaluation:
/// <list type="number">
/// <item>Proposals: reactive (HPA rule), predictive (trend, only upwards), and every custom rule that fires.</item>
/// <item>Recommendation: if any proposal is above the current count, the largest; otherwise, if any is below, the
/// largest of those (the most cautious reduction); otherwise the current count. Clamped to min/max.</item>
/// <item>Stabilization (HPA): never above the lowest recommendation of the scale-up window, never below the highest
/// of the scale-down window.</item>
/// <item>Cooldowns: no change within <see cref="AutoscalerOptions.ScaleUpCooldown"/> of a scale-up; no scale-down
/// within <see cref="AutoscalerOptions.ScaleDownCooldown"/> of any change.</item>
/// <item>Bounds: a count outside min/max is corrected at once, whatever the windows and cooldowns say.</item>
/// </list>
/// A change (even one a recommend-only provisioner only records) starts the cooldowns.
/// </summary>
public sealed class ScalingEngine(AutoscalerOptions options)
{
    public const string NoChangeSource = "none";

    /// <summary>The source of a correction into min/max.</summary>
    public const string BoundsSource = "bounds";

    public AutoscalerOptions Options => options;

    /// <summary>Decides from <paramref name="sample"/> and updates <paramref name="memory"/> (samples, recommendations,
    /// change times). The caller applies the decision and then records it with <see cref="ScalingMemory.Record"/>.</summary>
    public ScalingDecision Evaluate(LoadSample sample, ScalingMemory memory, string provisioner)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(memory);
        var now = sample.At;
        var current = Math.Max(1, sample.Silos);
        memory.Samples.Add(sample);
        memory.Samples.RemoveAll(earlier => earlier.At < now - options.PredictionHorizon);

        var proposals = new List<ScalingProposal> { ReactiveScaling.Propose(sample, current, options) };
        if (PredictiveScaling.Propose(memory.Samples, current, options) is { } predicted)
            proposals.Add(predicted);
        proposals.AddRange(CustomScalingRules.Propose(sample, current, options.Rules));

        var winner = proposals.Where(p => p.Silos > current).MaxBy(static p => p.Silos)
            ?? proposals.Where(p => p.Silos < current).MaxBy(static p => p.Silos);
        var desired = winner?.Silos ?? current;
        var recommended = Math.Clamp(desired, options.MinSilos, options.MaxSilos);
        var longestWindow = options.ScaleUpStabilizationWindow > options.ScaleDownStabilizationWindow
            ? options.ScaleUpStabilizationWindow : options.ScaleDownStabilizationWindow;
        memory.Recommendations.Add(new ScalingRecommendation(now, recommended));
        memory.Recommendations.RemoveAll(earlier => earlier.At < now - longestWindow);

        var notes = new List<string>();
        var target = Stabilize(memory.Recommendations, current, recommended, now, notes);
        target = Cooldown(memory, current, target, now, notes);
        var source = winner?.Source ?? NoChangeSource;
        if (current < options.MinSilos || current > options.MaxSilos)
        {
            target = Math.Clamp(current, options.MinSilos, options.MaxSilos);
            source = BoundsSource;
            notes.Add($"{current} silos is outside min {options.MinSilos}/max {options.MaxSilos}");
        }
        else if (desired != recommended)
        {
            notes.Add($"{desired} clamped to min {options.MinSilos}/max {options.MaxSilos}");
        }

        if (target != current)
        {
            memory.LastChange = now;
            if (target > current)
                memory.LastScaleUp = now;
        }

        var reasons = proposals.Select(static p => $"[{p.Source}] {p.Reason}").Concat(notes);
        return new ScalingDecision
        {
            At = now,
            CurrentSilos = current,
            DesiredSilos = desired,
            TargetSilos = target,
            Applied = false,
            Source = source,
            Reason = string.Join("; ", reasons) + (target == current ? $"; stay at {current}" : $"; scale {current} → {target}"),
            Inputs = sample,
            Provisioner = provisioner,
        };
    }

    /// <summary>Kubernetes' stabilization: up to the minimum of the scale-up window, down to the maximum of the
    /// scale-down window (the current recommendation belongs to both).</summary>
    private int Stabilize(List<ScalingRecommendation> history, int current, int recommended, DateTimeOffset now, List<string> notes)
    {
        var upLimit = history.Where(r => r.At >= now - options.ScaleUpStabilizationWindow).Min(static r => r.Silos);
        var downLimit = history.Where(r => r.At >= now - options.ScaleDownStabilizationWindow).Max(static r => r.Silos);
        var target = current;
        if (target < upLimit)
            target = upLimit;
        if (target > downLimit)
            target = downLimit;
        if (recommended > current && target < recommended)
            notes.Add($"scale-up stabilized to {target} (lowest recommendation in the last {options.ScaleUpStabilizationWindow.TotalSeconds} s)");
        else if (recommended < current && target > recommended)
            notes.Add($"scale-down stabilized to {target} (highest recommendation in the last {options.ScaleDownStabilizationWindow.TotalSeconds} s)");
        return target;
    }

    private int Cooldown(ScalingMemory memory, int current, int target, DateTimeOffset now, List<string> notes)
    {
        if (target != current && memory.LastScaleUp is { } up && now - up < options.ScaleUpCooldown)
        {
            notes.Add($"held: scale-up cooldown until {up + options.ScaleUpCooldown:O}");
            return current;
        }
        if (target < current && memory.LastChange is { } change && now - change < options.ScaleDownCooldown)
        {
            notes.Add($"held: scale-down cooldown until {change + options.ScaleDownCooldown:O}");
            return current;
        }
        return target;
    }
}

using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Autoscaling.Provisioning;
using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Grains.Autoscaling;

/// <summary>Checks <see cref="AutoscalerOptions"/> at start and names every bad value in one message.</summary>
public sealed class AutoscalerOptionsValidator : IValidateOptions<AutoscalerOptions>
{
    private const string Section = AutoscalerOptions.SectionName;

    /// <summary>The provisioners the silo can select.</summary>
    public static readonly IReadOnlyList<string> Provisioners = [RecommendOnlyProvisioner.ProvisionerName, LocalProcessProvisioner.ProvisionerName];

    public ValidateOptionsResult Validate(string? name, AutoscalerOptions options)
    {
        var problems = new List<string>();
        NotNegative("EvaluationInterval", options.EvaluationInterval);
        if (options.MinSilos < 1)
            problems.Add($"{Section}:MinSilos must be at least 1 (was {options.MinSilos})");
        if (options.MaxSilos < options.MinSilos)
            problems.Add($"{Section}:MaxSilos must be at least MinSilos {options.MinSilos} (was {options.MaxSilos})");
        Positive("TargetCpuUtilization", options.TargetCpuUtilization);
        if (options.TargetCpuUtilization > 1)
            problems.Add($"{Section}:TargetCpuUtilization is a fraction of 1 (was {options.TargetCpuUtilization})");
        Positive("TargetQueueLengthPerSilo", options.TargetQueueLengthPerSilo);
        if (options.TargetLatencyP95Ms is { } latency)
            Positive("TargetLatencyP95Ms", latency);
        if (!double.IsFinite(options.Tolerance) || options.Tolerance is < 0 or >= 1)
            problems.Add($"{Section}:Tolerance must be in [0, 1) (was {options.Tolerance})");
        NotNegative("ScaleUpStabilizationWindow", options.ScaleUpStabilizationWindow);
        NotNegative("ScaleDownStabilizationWindow", options.ScaleDownStabilizationWindow);
        NotNegative("ScaleUpCooldown", options.ScaleUpCooldown);
        NotNegative("ScaleDownCooldown", options.ScaleDownCooldown);
        NotNegative("PredictionHorizon", options.PredictionHorizon);
        if (!Provisioners.Contains(options.Provisioner))
            problems.Add($"{Section}:Provisioner \"{options.Provisioner}\" is unknown; use one of {string.Join(", ", Provisioners)}");
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var key = $"{Section}:Rules:{i}";
            if (string.IsNullOrWhiteSpace(rule.Name))
                problems.Add($"{key}:Name must be set");
            if (!CustomScalingRules.Metrics.Contains(rule.Metric))
                problems.Add($"{key}:Metric \"{rule.Metric}\" is unknown; use one of {string.Join(", ", CustomScalingRules.Metrics)}");
            if ((rule.Above is null) == (rule.Below is null))
                problems.Add($"{key} needs exactly one of Above and Below");
            if (rule.Add == 0)
                problems.Add($"{key}:Add must not be 0");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);

        void Positive(string option, double value)
        {
            if (!double.IsFinite(value) || value <= 0)
                problems.Add($"{Section}:{option} must be a positive number (was {value})");
        }

        void NotNegative(string option, TimeSpan value)
        {
            if (value < TimeSpan.Zero)
                problems.Add($"{Section}:{option} must not be negative (was {value})");
        }
    }
}

using QuantumScheduler.Grains.Configuration;
using static QuantumScheduler.Grains.Autoscaling.ScalingMetrics;

namespace QuantumScheduler.Grains.Autoscaling;

/// <summary>
/// Scaling ahead of the load: a least-squares line through the demand of the samples of the last
/// <see cref="AutoscalerOptions.PredictionHorizon"/>, projected one horizon ahead, then the HPA rule on the projection.
/// Demand is what does not depend on the silo count: CPU in silo-equivalents (utilisation × silos) and total queued
/// solves. It only ever proposes more silos than there are: a falling trend never removes capacity on its own.
/// </summary>
internal static class PredictiveScaling
{
    public const string Source = "predictive";

    /// <summary>Fewer samples than this make no trend.</summary>
    public const int MinimumSamples = 3;

    public static ScalingProposal? Propose(IReadOnlyList<LoadSample> samples, int current, AutoscalerOptions options)
    {
        if (options.PredictionHorizon <= TimeSpan.Zero || samples.Count < MinimumSamples)
            return null;
        var now = samples[^1].At;
        var at = options.PredictionHorizon.TotalSeconds;
        var cpuDemand = Project(samples, now, at, static sample => sample.CpuUtilization * sample.Silos);
        var queue = Project(samples, now, at, static sample => sample.QueueLength);
        if (cpuDemand is null || queue is null)
            return null;

        var cpuRatio = cpuDemand.Value / (current * options.TargetCpuUtilization);
        var queueRatio = queue.Value / (current * options.TargetQueueLengthPerSilo);
        var desired = Math.Max(Desired(current, cpuRatio, options.Tolerance), Desired(current, queueRatio, options.Tolerance));
        if (desired <= current)
            return null;
        return new ScalingProposal(Source, desired,
            $"trend over {samples.Count} samples projects, {Format(at)} s ahead, CPU demand {Format(cpuDemand.Value)} silo-equivalents " +
            $"(ratio {Format(cpuRatio)}) and {Format(queue.Value)} queued (ratio {Format(queueRatio)}) → {desired}");
    }

    /// <summary>The fitted line's value <paramref name="ahead"/> seconds after <paramref name="now"/>, never negative;
    /// null when the samples span no time.</summary>
    private static double? Project(IReadOnlyList<LoadSample> samples, DateTimeOffset now, double ahead, Func<LoadSample, double> value)
    {
        double n = samples.Count, sumX = 0, sumY = 0, sumXx = 0, sumXy = 0;
        foreach (var sample in samples)
        {
            var x = (sample.At - now).TotalSeconds;
            var y = value(sample);
            sumX += x;
            sumY += y;
            sumXx += x * x;
            sumXy += x * y;
        }
        var spread = n * sumXx - sumX * sumX;
        if (spread <= 0)
            return null;
        var slope = (n * sumXy - sumX * sumY) / spread;
        var intercept = (sumY - slope * sumX) / n;
        return Math.Max(0, intercept + slope * ahead);
    }
}

using QuantumScheduler.Grains.Backends;

namespace QuantumScheduler.Grains.Selection;

/// <summary>
/// How <c>adaptive_performance</c> scores a backend from its statistics in the problem's size class, 0..1, higher is
/// better: 0.5 × quality + 0.3 × reliability + 0.2 × speed, where quality = 1 − mean quality gap (clamped to 0..1;
/// 0.5 when no gap is known), reliability = success rate × feasible rate, speed = 1 ÷ (1 + p50 latency ÷ time limit).
/// A backend with fewer than the minimum samples in the class gets <see cref="Prior"/>: an untried backend ranks
/// below a good one and above one that keeps failing.
/// </summary>
public static class AdaptivePerformanceScore
{
    public const double QualityWeight = 0.5;
    public const double ReliabilityWeight = 0.3;
    public const double SpeedWeight = 0.2;

    /// <summary>The score of a backend without enough statistics.</summary>
    public const double Prior = 0.6;

    /// <summary>The backend's score, or null when it has fewer than <paramref name="minSamples"/> attempts in the class.</summary>
    public static double? Of(BackendStats stats, string sizeClass, TimeSpan timeLimit, int minSamples)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var size = stats.BySize.FirstOrDefault(s => s.SizeClass == sizeClass);
        if (size is null || size.Attempts < Math.Max(1, minSamples))
            return null;
        var quality = size.MeanQualityGap is { } gap ? 1 - Math.Clamp(gap, 0, 1) : 0.5;
        var reliability = size.SuccessRate * size.FeasibleRate;
        var limitMs = Math.Max(1, timeLimit.TotalMilliseconds);
        var speed = size.LatencyP50Ms is { } p50 ? 1 / (1 + p50 / limitMs) : 0.5;
        return QualityWeight * quality + ReliabilityWeight * reliability + SpeedWeight * speed;
    }
}

namespace QuantumScheduler.Grains.Configuration;

/// <summary>Tuning of the learning backend strategies, bound from <c>QuantumScheduler:Selection</c>.</summary>
public sealed class SelectionOptions
{
    public const string SectionName = "QuantumScheduler:Selection";

    /// <summary><c>adaptive_performance</c>: attempts in a size class before a backend's own statistics replace the
    /// prior score. Default 3.</summary>
    public int MinSamples { get; set; } = 3;

    /// <summary><c>adaptive_performance</c>: share of rankings that put a random other candidate first, so backends
    /// without statistics get some. 0..1, default 0.05.</summary>
    public double ExplorationRate { get; set; } = 0.05;

    /// <summary>Seed of the exploration draws; null (default) seeds from the clock. Set it for reproducible runs.</summary>
    public int? ExplorationSeed { get; set; }
}

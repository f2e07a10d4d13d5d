using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Autoscaling;

/// <summary>
/// What the autoscaler remembers between evaluations (persisted by the grain): recent samples for the trend,
/// recent recommendations for the stabilization windows, when it last scaled, and its bounded decision history.
/// </summary>
[GenerateSerializer]
public sealed class ScalingMemory
{
    /// <summary>Decisions kept, oldest dropped first.</summary>
    public const int DecisionHistoryLimit = 500;

    /// <summary>Samples within the prediction horizon, oldest first.</summary>
    [Id(0)] public List<LoadSample> Samples { get; set; } = [];

    /// <summary>Recommendations within the longer stabilization window, oldest first.</summary>
    [Id(1)] public List<ScalingRecommendation> Recommendations { get; set; } = [];

    [Id(2)] public DateTimeOffset? LastScaleUp { get; set; }

    /// <summary>The last change in either direction.</summary>
    [Id(3)] public DateTimeOffset? LastChange { get; set; }

    /// <summary>Decisions, oldest first, at most <see cref="DecisionHistoryLimit"/>.</summary>
    [Id(4)] public List<ScalingDecision> Decisions { get; set; } = [];

    /// <summary>Appends a decision, dropping the oldest beyond the limit.</summary>
    public void Record(ScalingDecision decision)
    {
        Decisions.Add(decision);
        if (Decisions.Count > DecisionHistoryLimit)
            Decisions.RemoveRange(0, Decisions.Count - DecisionHistoryLimit);
    }

    /// <summary>The newest <paramref name="max"/> decisions, newest first.</summary>
    public IReadOnlyList<ScalingDecision> Newest(int max) =>
        Decisions.AsEnumerable().Reverse().Take(Math.Max(0, max)).ToArray();
}

/// <summary>The silo count recommended at one evaluation, before stabilization.</summary>
[GenerateSerializer]
public sealed record ScalingRecommendation([property: Id(0)] DateTimeOffset At, [property: Id(1)] int Silos);

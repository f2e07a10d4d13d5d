using QuantumScheduler.Grains.Selection;

namespace QuantumScheduler.Grains.Jobs;

/// <summary>What a job's backend request resolved to: a selection strategy, or one named backend (then
/// <see cref="Selector"/> is null and <see cref="Name"/> is the backend's registered name).</summary>
public sealed record JobStrategy(string Name, IBackendSelector? Selector)
{
    public bool IsNamedBackend => Selector is null;
}

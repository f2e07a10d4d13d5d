using QuantumScheduler.Runtime;

namespace QuantumScheduler.ClusterTestSilo.Grains;

/// <summary>A grain that increments counters for its caller, so a test can make grain-to-grain calls across silos and
/// see what the calling silo's runtime does when the counter's silo refuses them.</summary>
public interface ICounterRelayGrain : IGrainWithStringKey
{
    /// <summary>Calls <see cref="ICounterGrain.Increment"/> on the counter <paramref name="counterKey"/> and returns its answer.</summary>
    Task<long> Increment(string counterKey);
}

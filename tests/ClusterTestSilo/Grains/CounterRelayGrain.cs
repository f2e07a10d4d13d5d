using QuantumScheduler.Runtime;

namespace QuantumScheduler.ClusterTestSilo.Grains;

/// <summary>Lives on the silo that first calls it (a client's gateway), so its calls to counters cross silos.</summary>
[GrainType("cluster-test-counter-relay")]
[PreferLocalPlacement]
public sealed class CounterRelayGrain : Grain, ICounterRelayGrain
{
    public Task<long> Increment(string counterKey) => GrainFactory.GetGrain<ICounterGrain>(counterKey).Increment();
}

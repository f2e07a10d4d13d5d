using QuantumScheduler.Runtime;

namespace QuantumScheduler.ClusterTestSilo.Grains;

[GrainType("cluster-test-counter")]
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, TestRecorder recorder) : Grain, ICounterGrain
{
    public async Task<long> Increment()
    {
        state.State.Value++;
        // Acknowledged only once written: the caller's count of successful calls must match what a new activation reads.
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<long> Get() => Task.FromResult(state.State.Value);

    public Task<string> GetSiloName() => Task.FromResult(recorder.SiloName);
}

/// <summary>The counter's persisted state.</summary>
[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public long Value { get; set; }
}

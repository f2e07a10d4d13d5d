using QuantumScheduler.Runtime;

namespace QuantumScheduler.Bench.Runtime;

/// <summary>One measured kind of call: how to make call number <c>i</c> of worker <c>w</c>, and how many calls to make.</summary>
internal sealed record Scenario(string Name, Func<int, int, ValueTask> Call, int CallsPerWorker, int Blocks, int LatencyCalls);

internal static class Scenarios
{
    public const int Workers = 100;

    public static IReadOnlyList<Scenario> Create(IGrainFactory grains)
    {
        IPlainPing plain = new PlainPing();
        var active = Enumerable.Range(0, Workers).Select(i => grains.GetGrain<IPingGrain>(i)).ToArray();
        var stores = Enumerable.Range(0, Workers).Select(i => grains.GetGrain<IStoreGrain>(i)).ToArray();
        var nextNewGrain = 1_000_000L;

        return
        [
            new("(a) direct call, plain object", async (_, i) => await plain.Ping(i), CallsPerWorker: 20_000, Blocks: 5, LatencyCalls: 100_000),
            new("(b) call to an active grain", async (w, i) => await active[w].Ping(i), CallsPerWorker: 500, Blocks: 10, LatencyCalls: 50_000),
            new("(c) first call, with activation", async (_, i) => await grains.GetGrain<IPingGrain>(Interlocked.Increment(ref nextNewGrain)).Ping(i), CallsPerWorker: 50, Blocks: 5, LatencyCalls: 5_000),
            new("(d) call writing state to SQLite", async (w, i) => await stores[w].Write(i), CallsPerWorker: 5, Blocks: 2, LatencyCalls: 300),
        ];
    }
}

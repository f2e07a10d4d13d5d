using System.Collections.Concurrent;
using System.Diagnostics;
using QuantumScheduler.ClusterTestSilo.Grains;
using QuantumScheduler.Runtime;

namespace QuantumScheduler.Cluster.Tests.Harness;

/// <summary>
/// Steady client load on counter grains: each worker calls <see cref="ICounterGrain.Increment"/> one call at a time,
/// and records every acknowledged increment and every failure with the time the call started, so a test can compare
/// what the client was told with what the grains stored, and measure how long calls stalled.
/// </summary>
public sealed class CounterLoad
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, long> _acked = new();
    private readonly ConcurrentQueue<CallFailure> _failures = new();
    private readonly ConcurrentQueue<TimeSpan> _completions = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Task> _workers;

    private CounterLoad(IReadOnlyList<Func<int, string>> keyOfCall, Func<int, string, Task<long>> increment)
    {
        _workers = keyOfCall.Select((key, worker) => Task.Run(() => RunAsync(key, counterKey => increment(worker, counterKey)))).ToList();
    }

    /// <summary>Each of <paramref name="workers"/> increments its own grain <c>{prefix}-{worker}</c> over and over.</summary>
    public static CounterLoad OnFixedGrains(IClusterClient client, string prefix, int workers) =>
        new(FixedKeys(prefix, workers), (_, key) => client.GetGrain<ICounterGrain>(key).Increment());

    /// <summary>Like <see cref="OnFixedGrains"/>, but each worker calls through its own <see cref="ICounterRelayGrain"/>
    /// (which lives on the client's gateway), so the counters are called grain to grain.</summary>
    public static CounterLoad OnFixedGrainsThroughRelays(IClusterClient client, string prefix, int workers) =>
        new(FixedKeys(prefix, workers), (worker, key) => client.GetGrain<ICounterRelayGrain>($"{prefix}-relay-{worker}").Increment(key));

    /// <summary>Each call goes to a grain never called before, <c>{prefix}-{worker}-{call}</c>: new activations all the time.</summary>
    public static CounterLoad OnFreshGrains(IClusterClient client, string prefix, int workers) =>
        new(Enumerable.Range(0, workers).Select<int, Func<int, string>>(worker => call => $"{prefix}-{worker}-{call}").ToList(),
            (_, key) => client.GetGrain<ICounterGrain>(key).Increment());

    private static List<Func<int, string>> FixedKeys(string prefix, int workers) =>
        Enumerable.Range(0, workers).Select<int, Func<int, string>>(worker => _ => $"{prefix}-{worker}").ToList();

    /// <summary>Time since the load started; the clock of <see cref="CallFailure.StartedAt"/>.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Acknowledged increments per grain key.</summary>
    public IReadOnlyDictionary<string, long> Acked => _acked;

    public long AckedCalls => _acked.Values.Sum();

    public IReadOnlyCollection<CallFailure> Failures => _failures;

    /// <summary>Waits until <paramref name="calls"/> more calls have been acknowledged.</summary>
    public async Task WaitForAckedCallsAsync(long calls, TimeSpan within)
    {
        var target = AckedCalls + calls;
        using var deadline = new CancellationTokenSource(within);
        while (AckedCalls < target)
        {
            if (deadline.IsCancellationRequested)
                throw new TimeoutException($"Only {AckedCalls - (target - calls)} of {calls} calls were acknowledged within {within}; failures: {Describe(_failures.TakeLast(5))}.");
            await Task.Delay(20, CancellationToken.None);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    /// <summary>The longest time without any call completing successfully, between <paramref name="from"/> and the end.</summary>
    public TimeSpan LongestStallAfter(TimeSpan from)
    {
        var times = _completions.Where(time => time >= from).Order().Prepend(from).ToList();
        return times.Zip(times.Skip(1), static (earlier, later) => later - earlier).DefaultIfEmpty(TimeSpan.Zero).Max();
    }

    /// <summary>How long after <paramref name="from"/> the first call completed successfully; null if none did.</summary>
    public TimeSpan? FirstSuccessAfter(TimeSpan from) =>
        _completions.Where(time => time >= from).Order().Select(time => (TimeSpan?)(time - from)).FirstOrDefault();

    public static string Describe(IEnumerable<CallFailure> failures) =>
        string.Join("; ", failures.Select(static failure => $"{failure.GrainKey} at {failure.StartedAt.TotalSeconds:F2}s: {failure.Error.GetType().Name}: {failure.Error.Message}"));

    private async Task RunAsync(Func<int, string> keyOfCall, Func<string, Task<long>> increment)
    {
        for (var call = 0; !_stop.IsCancellationRequested; call++)
        {
            var key = keyOfCall(call);
            var startedAt = _clock.Elapsed;
            try
            {
                var value = await increment(key);
                var acked = _acked.AddOrUpdate(key, 1, static (_, count) => count + 1);
                if (value != acked)
                    _failures.Enqueue(new CallFailure(key, startedAt, new InvalidOperationException($"Increment returned {value} after {acked} acknowledged increments.")));
                _completions.Enqueue(_clock.Elapsed);
            }
            catch (Exception exception)
            {
                _failures.Enqueue(new CallFailure(key, startedAt, exception));
            }
        }
    }
}

/// <summary>A call of the load that failed, with when it started (on <see cref="CounterLoad.Now"/>'s clock).</summary>
public sealed record CallFailure(string GrainKey, TimeSpan StartedAt, Exception Error);

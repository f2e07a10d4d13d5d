using System.Diagnostics;

namespace QuantumScheduler.Bench.Cluster;

/// <summary>Latency: one caller, one call after another. Throughput: many concurrent callers for a fixed number of calls,
/// after a warm-up that is not counted.</summary>
internal static class LoadGenerator
{
    public static async Task<(double P50, double P99)> Latency(Func<int, int, ValueTask> call, int calls)
    {
        for (var i = 0; i < calls / 5; i++)
            await call(0, i);
        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(0, i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(samples);
        return (samples[calls / 2], samples[(int)(calls * 0.99)]);
    }

    public static async Task<double> Throughput(Func<int, int, ValueTask> call, int workers, int callsPerWorker)
    {
        await Run(call, workers, callsPerWorker);
        var clock = Stopwatch.StartNew();
        await Run(call, workers, callsPerWorker);
        return workers * (double)callsPerWorker / clock.Elapsed.TotalSeconds;
    }

    private static Task Run(Func<int, int, ValueTask> call, int workers, int callsPerWorker) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < callsPerWorker; i++)
                await call(worker, i);
        })));
}

using System.Diagnostics;

namespace QuantumScheduler.Bench.Jobs;

/// <summary>Runs one kind of job over and over: one at a time, timing each, or many at once, timing the whole.</summary>
public static class JobLoop
{
    /// <summary>Milliseconds of each of <paramref name="count"/> runs, one after another.</summary>
    public static async Task<double[]> SequentialAsync(Func<Task> job, int count)
    {
        var latencies = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await job();
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return latencies;
    }

    /// <summary>How long <paramref name="count"/> runs take with <paramref name="concurrency"/> of them at a time.</summary>
    public static async Task<TimeSpan> ConcurrentAsync(Func<Task> job, int count, int concurrency)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count)
                await job();
        })));
        return Stopwatch.GetElapsedTime(started);
    }
}

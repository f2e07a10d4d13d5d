using System.Diagnostics;

namespace QuantumScheduler.Bench.Runtime;

/// <summary>
/// Orleans' ping benchmark shape: many concurrent workers, each issuing its calls one after another, in
/// blocks; one warm-up block is not counted. Also a sequential run for per-call latency percentiles.
/// </summary>
internal static class LoadGenerator
{
    /// <summary>Calls per wall-clock second, and calls per second of CPU time this process actually got
    /// (the second figure does not depend on how busy the machine's other processes keep the cores).</summary>
    public static async Task<(double PerSecond, double PerCpuSecond)> Throughput(Func<int, int, ValueTask> call, int workers, int callsPerWorker, int blocks)
    {
        await RunBlock(call, workers, callsPerWorker, blockIndex: 0);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var block = 1; block <= blocks; block++)
            await RunBlock(call, workers, callsPerWorker, block);
        var elapsed = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var calls = (double)workers * callsPerWorker * blocks;
        return (calls / elapsed.TotalSeconds, calls / cpu.TotalSeconds);
    }

    /// <summary>p50 and p99 of one caller's round trips in microseconds, and the bytes allocated per call (whole process).</summary>
    public static async Task<(double P50, double P99, double BytesPerCall)> Latency(Func<int, int, ValueTask> call, int calls)
    {
        for (var i = 0; i < calls / 10; i++)
            await call(0, i);
        var samples = new double[calls];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(0, calls + i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        var bytesPerCall = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / calls;
        Array.Sort(samples);
        return (samples[calls / 2], samples[(int)(calls * 0.99)], bytesPerCall);
    }

    private static Task RunBlock(Func<int, int, ValueTask> call, int workers, int callsPerWorker, int blockIndex)
    {
        var tasks = new Task[workers];
        for (var worker = 0; worker < workers; worker++)
        {
            var id = worker;
            tasks[worker] = Task.Run(async () =>
            {
                var offset = blockIndex * callsPerWorker;
                for (var i = 0; i < callsPerWorker; i++)
                    await call(id, offset + i);
            });
        }
        return Task.WhenAll(tasks);
    }
}

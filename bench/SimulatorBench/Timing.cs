using System.Diagnostics;

namespace QuantumScheduler.Bench.Simulator;

internal static class Timing
{
    /// <summary>One untimed warm-up run, then <paramref name="runs"/> timed runs; seconds per run.</summary>
    public static double[] Repeat(int runs, Action action)
    {
        action();
        var seconds = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            seconds[i] = watch.Elapsed.TotalSeconds;
        }

        return seconds;
    }

    /// <summary>The median run: robust against a run disturbed by other processes in either direction.</summary>
    public static double Median(double[] seconds)
    {
        var sorted = seconds.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The 1-minute load average (Linux), or "?" elsewhere.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}

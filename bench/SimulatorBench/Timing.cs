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

    /// <summary>The best run: the least disturbed by other processes on a shared machine.</summary>
    public static double Best(double[] seconds) => seconds.Min();

    public static double Median(double[] seconds)
    {
        var sorted = seconds.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}

using System.Globalization;

namespace QuantumScheduler.Bench.Jobs;

/// <summary>Prints the side-by-side table and the overhead against the direct solves.</summary>
public static class Report
{
    public static void Print(IReadOnlyList<Row> rows, Row direct, int sequential, int concurrent, int concurrency, string loadAtStart, string loadAtEnd)
    {
        static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        Console.WriteLine($"JobBench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC  cores: {Environment.ProcessorCount}  load average: {loadAtStart} -> {loadAtEnd}");
        Console.WriteLine($"tiny problem: 4 tasks x 3 agents on {TinyProblem.Backend} (proved optimal at once); latency over {sequential} jobs one at a time; throughput over {concurrent} jobs, {concurrency} at once");
        Console.WriteLine();
        Console.WriteLine("| scenario | mean ms | p50 ms | p99 ms | overhead per job vs (a), one at a time, ms | jobs/s | jobs/s vs (a) | overhead per job vs (a) at throughput, ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var oneAtATime = row == direct ? "–" : F(row.MeanMs - direct.MeanMs, "0.000");
            var atThroughput = row == direct ? "–" : F(1000 / row.JobsPerSecond - 1000 / direct.JobsPerSecond, "0.000");
            Console.WriteLine($"| {row.Name} | {F(row.MeanMs, "0.000")} | {F(row.P50Ms, "0.000")} | {F(row.P99Ms, "0.000")} | {oneAtATime} | {F(row.JobsPerSecond, "0")} | {F(row.JobsPerSecond / direct.JobsPerSecond, "0.00")}x | {atThroughput} |");
        }
    }
}

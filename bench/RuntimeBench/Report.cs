using System.Globalization;

namespace QuantumScheduler.Bench.Runtime;

/// <summary>Prints the side-by-side table: throughput on one and two cores, latency and ratios to the direct call.</summary>
internal static class Report
{
    public static void Print(List<string[]> results, string loadBefore, string loadAfter)
    {
        var scenarios = results.Select(static r => r[0]).Distinct().ToArray();
        double Value(string scenario, int cores, int column) =>
            double.Parse(results.Single(r => r[0] == scenario && r[1] == cores.ToString(CultureInfo.InvariantCulture))[column], CultureInfo.InvariantCulture);

        var direct = scenarios[0];
        Console.WriteLine($"RuntimeBench: {Scenarios.Workers} concurrent callers in blocks (Orleans ping shape); latency = one caller, sequential round trips; cost = (a)'s calls per CPU-second / the scenario's. Times below the clock's resolution (about 0.1 µs here) show as 0.000.");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; load average before {loadBefore}, after {loadAfter}.");
        Console.WriteLine();
        Console.WriteLine("| scenario | calls/s, 1 core | calls/s, 2 cores | p50 µs (1 core) | p99 µs (1 core) | p50 µs (2 cores) | p99 µs (2 cores) | calls per CPU-second (2 cores) | cost vs (a), 2 cores | bytes allocated per call |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var scenario in scenarios)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario} | {Value(scenario, 1, 2):N0} | {Value(scenario, 2, 2):N0} | {Value(scenario, 1, 3):F3} | {Value(scenario, 1, 4):F3} | {Value(scenario, 2, 3):F3} | {Value(scenario, 2, 4):F3} | {Value(scenario, 2, 6):N0} | {Value(direct, 2, 6) / Value(scenario, 2, 6):N0}× | {Value(scenario, 2, 5):N0} |"));
        }
    }
}

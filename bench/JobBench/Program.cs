using System.Diagnostics;
using System.Globalization;
using QuantumScheduler.Bench.Jobs;

// End-to-end tiny jobs: the same solves (a) called directly through the solver pipeline, as a worker runs them, and
// (b) submitted through the .NET SDK to an embedded silo's scheduling grains and awaited to their result, with grain
// state in memory and in SQLite (qs --embedded's storage). For each: one job at a time (latency p50/p99, mean) and
// many at once (jobs per second). Overhead per job, two ways: the mean sequential latency of (b) minus that of (a), and
// at throughput the time per job of (b) minus that of (a) (1/jobs per second, both with the same concurrency).
// Usage: dotnet run -c Release --project bench/JobBench [sequential jobs] [concurrent jobs] [concurrency]
var sequential = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var concurrent = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
var loadAtStart = File.ReadAllText("/proc/loadavg").Trim();

var rows = new List<Row>();
var stages = new List<string>();
var direct = new DirectSolves(TinyProblem.Json, TinyProblem.Backend, TinyProblem.TimeLimit);
await WarmUpAsync(direct.RunSequentialAsync, direct.RunConcurrentAsync);
rows.Add(await Measure("(a) solver called directly", direct.RunSequentialAsync, direct.RunConcurrentAsync));

foreach (var storage in Enum.GetValues<JobStorage>())
{
    await using var silo = await EmbeddedSchedulingSilo.StartAsync(storage);
    await WarmUpAsync(silo.RunSequentialAsync, silo.RunConcurrentAsync);
    rows.Add(await Measure($"(b) grain pipeline, {storage.Describe()}", silo.RunSequentialAsync, silo.RunConcurrentAsync));
    stages.Add($"{storage.Describe()}: {silo.Stages}");
}

Report.Print(rows, direct: rows[0], sequential, concurrent, concurrency, loadAtStart, File.ReadAllText("/proc/loadavg").Trim());
Console.WriteLine();
Console.WriteLine("Where a sequential job's time goes (means, from the jobs' transition times):");
foreach (var line in stages)
    Console.WriteLine("  " + line);
return 0;

async Task<Row> Measure(string name, Func<int, Task<double[]>> runSequential, Func<int, int, Task<TimeSpan>> runConcurrent)
{
    Console.Error.WriteLine($"{name}: {sequential} jobs one at a time...");
    var latencies = await runSequential(sequential);
    Console.Error.WriteLine($"{name}: {concurrent} jobs, {concurrency} at once...");
    var elapsed = await runConcurrent(concurrent, concurrency);
    Array.Sort(latencies);
    return new Row(name, latencies.Average(), Percentile(latencies, 0.50), Percentile(latencies, 0.99), concurrent / elapsed.TotalSeconds);
}

// Both loops, long enough for tiered compilation to promote the hot paths (thousands of methods reach tier 1 only after
// a few thousand jobs): the figures are the steady state of a running service, not its first seconds.
async Task WarmUpAsync(Func<int, Task<double[]>> runSequential, Func<int, int, Task<TimeSpan>> runConcurrent)
{
    await runSequential(500);
    await runConcurrent(3_000, concurrency);
}

static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

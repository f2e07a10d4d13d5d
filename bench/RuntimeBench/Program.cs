using System.Diagnostics;
using System.Globalization;
using QuantumScheduler.Bench.Runtime;
using QuantumScheduler.Runtime.TestingHost;

// Parent: runs the scenarios in a child pinned to one core, then in a child pinned to two, and prints one table.
// Child (--child): runs every scenario on an in-process silo with SQLite storage and prints RESULT lines.
if (args is ["--child", var coresArgument])
{
    await RunScenariosAsync(int.Parse(coresArgument, CultureInfo.InvariantCulture));
    return 0;
}

var load = File.ReadAllText("/proc/loadavg").Trim();
var results = new List<string[]>();
foreach (var cores in new[] { 1, 2 })
    results.AddRange(await RunChildAsync(cores));
Report.Print(results, load, File.ReadAllText("/proc/loadavg").Trim());
return 0;

static async Task RunScenariosAsync(int cores)
{
    var data = Directory.CreateTempSubdirectory("qs-runtime-bench-");
    try
    {
        await using var cluster = new TestClusterBuilder().UseSqliteStorage(data.FullName).Build();
        await cluster.DeployAsync();
        foreach (var scenario in Scenarios.Create(cluster.Client))
        {
            var (throughput, perCpuSecond) = await LoadGenerator.Throughput(scenario.Call, Scenarios.Workers, scenario.CallsPerWorker, scenario.Blocks);
            var (p50, p99, bytes) = await LoadGenerator.Latency(scenario.Call, scenario.LatencyCalls);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT|{scenario.Name}|{cores}|{throughput:F0}|{p50:F3}|{p99:F3}|{bytes:F0}|{perCpuSecond:F0}"));
        }
    }
    finally
    {
        data.Delete(recursive: true);
    }
}

static async Task<IEnumerable<string[]>> RunChildAsync(int cores)
{
    var start = new ProcessStartInfo("taskset")
    {
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    foreach (var argument in new[] { "-c", cores == 1 ? "0" : "0,1", "dotnet", typeof(Scenarios).Assembly.Location, "--child", cores.ToString(CultureInfo.InvariantCulture) })
        start.ArgumentList.Add(argument);
    using var child = Process.Start(start)!;
    var output = await child.StandardOutput.ReadToEndAsync();
    await child.WaitForExitAsync();
    if (child.ExitCode != 0)
        throw new InvalidOperationException($"The benchmark child on {cores} core(s) failed with exit code {child.ExitCode}.");
    return output.Split('\n').Where(static line => line.StartsWith("RESULT|", StringComparison.Ordinal)).Select(static line => line.Split('|')[1..]);
}

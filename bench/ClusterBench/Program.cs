using System.Diagnostics;
using System.Globalization;
using QuantumScheduler.Bench.Cluster;

// Parent: starts a second silo process (--serve), joins it as a static two-silo cluster, and measures
//   (b)  the local active-grain call of RuntimeBench in an embedded silo (no transport),
//   (b') the same local call in this clustered silo (the router's fast path),
//   (x)  a call to a grain activated in the other process, over loopback TCP;
// each as one caller's p50/p99 latency and as many callers' throughput. Prints one table with ratios to (b).
// Child (--serve): a clustered silo that prints its endpoint and serves until its standard input closes.
if (args is ["--serve"])
{
    await using var served = await BenchSilo.StartAsync("bench-server", clustered: true);
    Console.WriteLine($"READY {served.Local.Address.Host}:{served.Local.Address.Port}");
    await Console.In.ReadToEndAsync();
    return 0;
}

var workers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var callsPerWorker = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
const int LatencyCalls = 20_000;
var load = File.ReadAllText("/proc/loadavg").Trim();
var rows = new List<(string Name, double P50, double P99, double PerSecond)>();

await using (var embedded = await BenchSilo.StartAsync("bench-embedded", clustered: false))
{
    // The first scenario of a process pays for JIT tiering; measured twice, the second counts.
    await MeasureAsync("warm-up", embedded.Grains, remote: false);
    rows.Add(await MeasureAsync("(b) local active grain, embedded silo", embedded.Grains, remote: false));
}

using var server = StartServer();
try
{
    var endpoint = await ReadEndpointAsync(server);
    await using var client = await BenchSilo.StartAsync("bench-client", clustered: true, endpoint);
    var deadline = Environment.TickCount64 + 15_000;
    while (client.Membership.Current.ActiveSilos.Count < 2)
    {
        if (Environment.TickCount64 > deadline)
            throw new TimeoutException($"The bench silo did not see the server silo at {endpoint} within 15 s.");
        await Task.Delay(20);
    }
    rows.Add(await MeasureAsync("(b') local active grain, clustered silo", client.Grains, remote: false));
    rows.Add(await MeasureAsync("(x) cross-silo call, two processes", client.Grains, remote: true));
}
finally
{
    server.StandardInput.Close();
    if (!server.WaitForExit(10_000))
        server.Kill(entireProcessTree: true);
}

Print(rows, load, File.ReadAllText("/proc/loadavg").Trim(), workers);
return 0;

async Task<(string, double, double, double)> MeasureAsync(string name, QuantumScheduler.Runtime.IGrainFactory grains, bool remote)
{
    var pings = Enumerable.Range(0, workers).Select(i => remote
        ? grains.GetGrain<IPingGrain>(i, typeof(RemotePingGrain).FullName)
        : grains.GetGrain<IPingGrain>(i, typeof(LocalPingGrain).FullName)).ToArray();
    Func<int, int, ValueTask> call = async (worker, i) => await pings[worker].Ping(i);
    var perSecond = await LoadGenerator.Throughput(call, workers, callsPerWorker);
    var (p50, p99) = await LoadGenerator.Latency(call, LatencyCalls);
    return (name, p50, p99, perSecond);
}

static Process StartServer()
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
    start.ArgumentList.Add(typeof(IPingGrain).Assembly.Location);
    start.ArgumentList.Add("--serve");
    return Process.Start(start) ?? throw new InvalidOperationException("Could not start the server silo process.");
}

static async Task<string> ReadEndpointAsync(Process server)
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
    {
        if (line.StartsWith("READY ", StringComparison.Ordinal))
            return line["READY ".Length..];
    }
    throw new InvalidOperationException($"The server silo process exited (code {server.ExitCode}) before it was ready.");
}

static void Print(List<(string Name, double P50, double P99, double PerSecond)> rows, string loadBefore, string loadAfter, int workers)
{
    var local = rows[0];
    Console.WriteLine();
    Console.WriteLine($"ClusterBench — {Environment.ProcessorCount} cores, load average before: {loadBefore}, after: {loadAfter}");
    Console.WriteLine($"Latency: one caller, {LatencyCalls:N0} sequential calls. Throughput: {workers} concurrent callers.");
    Console.WriteLine();
    Console.WriteLine($"| {"scenario",-40} | {"p50 µs",8} | {"p99 µs",8} | {"calls/s",10} | {"p50 ratio",9} | {"calls/s ratio",13} |");
    Console.WriteLine($"|{new string('-', 42)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 12)}|{new string('-', 11)}|{new string('-', 15)}|");
    foreach (var row in rows)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {row.Name,-40} | {row.P50,8:F1} | {row.P99,8:F1} | {row.PerSecond,10:N0} | {row.P50 / local.P50,8:F1}x | {row.PerSecond / local.PerSecond,12:F3}x |"));
    Console.WriteLine();
    Console.WriteLine("Targets (docs/cluster-messaging.md): cross-silo p50 < 200 µs, ≥ 50,000 calls/s between two silos on 2 cores.");
}

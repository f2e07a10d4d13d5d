using System.Runtime.Intrinsics.X86;
using QuantumScheduler.Bench.Simulator;
using QuantumScheduler.Solvers.Quantum.Simulator;

// Usage: SimulatorBench [--qubits 20,24,26,28] [--threads 1,2] [--single-qubits 24,26] [--mixer-max 26]
var options = BenchOptions.Parse(args);
Console.WriteLine($"SimulatorBench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC  cpu: {CpuModel()}  cores: {Environment.ProcessorCount}  " +
                  $"AVX2 {Avx2.IsSupported} FMA {Fma.IsSupported} AVX-512F {Avx512F.IsSupported}  SIMD kernels: {QuantumState.IsSimdSupported}");
Console.WriteLine($"load average at start: {LoadAverage()}");
Console.WriteLine("Times are the best of several runs (one warm-up each). Bound = in-place read-modify-write pass over the state's bytes with the same threads;");
Console.WriteLine("ratio = time / bound. 'low' = targets 0 and 1 (inside a SIMD register), 'high' = targets n−1 and n−2.");
Console.WriteLine();

var rows = new List<BenchRow>();
foreach (var qubits in options.Qubits)
{
    foreach (var threads in options.Threads)
    {
        rows.Add(BenchRow.Measure(qubits, threads, StatePrecision.Complex128, options));
        Console.Error.WriteLine($"  done: {qubits} qubits complex128, {threads} thread(s)");
    }
}

foreach (var qubits in options.SingleQubits)
{
    foreach (var threads in options.Threads)
    {
        rows.Add(BenchRow.Measure(qubits, threads, StatePrecision.Complex64, options));
        Console.Error.WriteLine($"  done: {qubits} qubits complex64, {threads} thread(s)");
    }
}

BenchRow.PrintGateTable(rows);
Console.WriteLine();
BenchRow.PrintLayerTable(rows);
Console.WriteLine();
Console.WriteLine($"load average at end: {LoadAverage()}");

static string CpuModel() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
        : "?";

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";

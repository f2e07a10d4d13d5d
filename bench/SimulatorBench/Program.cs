using System.Runtime.Intrinsics.X86;
using QuantumScheduler.Bench.Simulator;
using QuantumScheduler.Solvers.Quantum.Simulator;

// Usage: SimulatorBench [--qubits 24,26,28] [--threads 1,2] [--single-qubits 24,26] [--mixer-max 26] [--runs N] [--layers true]
var options = BenchOptions.Parse(args);
Console.WriteLine($"SimulatorBench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC  cpu: {CpuModel()}  cores: {Environment.ProcessorCount}  " +
                  $"AVX2 {Avx2.IsSupported} FMA {Fma.IsSupported} AVX-512F {Avx512F.IsSupported}  SIMD kernels: {QuantumState.IsSimdSupported}");
Console.WriteLine($"load average at start: {Timing.LoadAverage()}");
Console.WriteLine("Times are medians of several runs (one warm-up each). Bound = in-place read-modify-write pass over the state's bytes with the same threads,");
Console.WriteLine("measured before and after the gates (both shown); copy = the same bytes copied into a second buffer. ratio = time / bound.");
Console.WriteLine();

var rows = new List<BenchRow>();
foreach (var (precision, sizes) in new[] { (StatePrecision.Complex128, options.Qubits), (StatePrecision.Complex64, options.SingleQubits) })
{
    foreach (var qubits in sizes)
    {
        foreach (var threads in options.Threads)
        {
            rows.Add(BenchRow.Measure(qubits, threads, precision, options));
            Console.Error.WriteLine($"  done: {qubits} qubits {precision}, {threads} thread(s), load {Timing.LoadAverage()}");
        }
    }
}

BenchRow.PrintGateTable(rows);
Console.WriteLine();
BenchRow.PrintLayerTable(rows);
Console.WriteLine();
Console.WriteLine($"load average at end: {Timing.LoadAverage()}");

static string CpuModel() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
        : "?";

using System.Globalization;
using QuantumScheduler.Solvers.Quantum.Simulator;

namespace QuantumScheduler.Bench.Simulator;

/// <summary>Every figure for one (qubits, threads, precision) configuration; times in seconds, medians of several runs.</summary>
internal sealed record BenchRow(
    int Qubits,
    int Threads,
    StatePrecision Precision,
    string LoadAtStart,
    string LoadAtEnd,
    double Copy,
    double ReadModifyWriteBefore,
    double ReadModifyWriteAfter,
    GateSweep H,
    GateSweep General,
    double? MixerPerQubit,
    LayerTimes? Layers)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Bytes of amplitudes (the state's gaps excluded): what one pass reads and writes.</summary>
    public long Bytes => (1L << Qubits) * SimulatorCapacity.BytesPerAmplitude(Precision);

    /// <summary>The bound: the mean of the read-modify-write medians measured before and after the gates.</summary>
    public double ReadModifyWrite => (ReadModifyWriteBefore + ReadModifyWriteAfter) / 2;

    public static BenchRow Measure(int qubits, int threads, StatePrecision precision, BenchOptions options)
    {
        var loadAtStart = Timing.LoadAverage();
        var runs = options.Runs(qubits);
        var probe = new BandwidthProbe((1L << qubits) * SimulatorCapacity.BytesPerAmplitude(precision), threads);
        var copy = Timing.Median(probe.Copy(runs));
        var before = Timing.Median(probe.ReadModifyWrite(runs));

        var simulatorOptions = new SimulatorOptions { MaxDegreeOfParallelism = threads, MemoryLimitBytes = SimulatorCapacity.BytesRequired(qubits, precision) };
        LayerTimes? layers;
        GateSweep h, general;
        double? mixer;
        using (var state = QuantumState.Create(qubits, precision, simulatorOptions))
        {
            state.PrepareUniformSuperposition();
            h = GateSweep.Measure(state, Gates.H, runs);
            general = GateSweep.Measure(state, Gates.Rz(0.3).Multiply(Gates.Ry(0.7)), runs);
            mixer = qubits <= options.MixerMaxQubits ? Timing.Median(Timing.Repeat(Math.Min(runs, 3), () => state.ApplyMixer(0.2))) / qubits : null;
            layers = options.Layers ? LayerTimes.Measure(state, simulatorOptions, runs) : null;
        }

        var after = Timing.Median(probe.ReadModifyWrite(runs));
        return new BenchRow(qubits, threads, precision, loadAtStart, Timing.LoadAverage(), copy, before, after, h, general, mixer, layers);
    }

    public static void PrintGateTable(IReadOnlyList<BenchRow> rows)
    {
        Console.WriteLine($"Single-qubit gates on every target qubit (ms per gate on the whole state, median of runs; ratio to the bound). Load average now: {Timing.LoadAverage()}");
        Console.WriteLine("H = Hadamard (real matrix); U = RZ(0.3)·RY(0.7) (general complex matrix). worst = slowest target (its qubit in brackets).");
        Console.WriteLine("| qubits | precision | threads | load (start→end) | copy ms | RMW ms (before/after) | RMW GB/s | H mean | H worst | U mean | U worst | H mean/RMW | H worst/RMW | U mean/RMW | U worst/RMW | U worst/copy | mixer per qubit/RMW |");
        Console.WriteLine("|---:|---|---:|---|---:|---|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var bound = r.ReadModifyWrite;
            var mixer = r.MixerPerQubit is { } m ? Ratio(m / bound) : "–";
            Console.WriteLine(string.Create(Invariant,
                $"| {r.Qubits} | {Name(r.Precision)} | {r.Threads} | {r.LoadAtStart}→{r.LoadAtEnd} | {Ms(r.Copy)} | {Ms(bound)} ({Ms(r.ReadModifyWriteBefore)}/{Ms(r.ReadModifyWriteAfter)}) | {2.0 * r.Bytes / bound / 1e9:F1} | " +
                $"{Ms(r.H.Mean)} | {Ms(r.H.Worst)} [q{r.H.WorstQubit}] | {Ms(r.General.Mean)} | {Ms(r.General.Worst)} [q{r.General.WorstQubit}] | " +
                $"**{Ratio(r.H.Mean / bound)}** | **{Ratio(r.H.Worst / bound)}** | **{Ratio(r.General.Mean / bound)}** | **{Ratio(r.General.Worst / bound)}** | {Ratio(r.General.Worst / r.Copy)} | {mixer} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Per target, time / RMW bound (q0 … q(n−1)):");
        foreach (var r in rows)
        {
            foreach (var (name, sweep) in new[] { ("H", r.H), ("U", r.General) })
            {
                var ratios = string.Join(' ', sweep.PerTarget.Select(t => (t / r.ReadModifyWrite).ToString("F2", Invariant)));
                Console.WriteLine(string.Create(Invariant, $"  {r.Qubits} {Name(r.Precision)} {r.Threads}t {name}: {ratios}"));
            }
        }
    }

    public static void PrintLayerTable(IReadOnlyList<BenchRow> rows)
    {
        Console.WriteLine($"QAOA cost layers (ms per layer, median of runs; ratio to one read-modify-write pass over the state). Load average now: {Timing.LoadAverage()}");
        Console.WriteLine("general = a real-valued QUBO's 2^n distinct energies as doubles (one sin/cos per amplitude); table = one sin/cos per distinct energy, 2-byte or 1-byte index per amplitude");
        Console.WriteLine("| qubits | precision | threads | load (start→end) | RMW ms | general layer | general/RMW | table, ushort | ushort/RMW | table, byte | byte/RMW | on-the-fly QUBO | QUBO/RMW |");
        Console.WriteLine("|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            if (r.Layers is not { } l)
            {
                continue;
            }

            var bound = r.ReadModifyWrite;
            Console.WriteLine(string.Create(Invariant,
                $"| {r.Qubits} | {Name(r.Precision)} | {r.Threads} | {r.LoadAtStart}→{r.LoadAtEnd} | {Ms(bound)} | {Ms(l.General)} | **{Ratio(l.General / bound)}** | " +
                $"{Ms(l.UInt16Table)} | {Ratio(l.UInt16Table / bound)} | {Ms(l.ByteTable)} | {Ratio(l.ByteTable / bound)} | {Ms(l.Qubo)} | {Ratio(l.Qubo / bound)} |"));
        }
    }

    private static string Name(StatePrecision precision) => precision == StatePrecision.Complex128 ? "c128" : "c64";

    private static string Ms(double seconds) => (seconds * 1e3).ToString(seconds < 0.01 ? "F2" : "F1", Invariant);

    private static string Ratio(double ratio) => ratio.ToString("F2", Invariant) + "×";
}

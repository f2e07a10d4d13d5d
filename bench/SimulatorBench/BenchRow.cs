using System.Globalization;
using QuantumScheduler.Solvers.Quantum.Simulator;

namespace QuantumScheduler.Bench.Simulator;

/// <summary>Every figure for one (qubits, threads, precision) configuration, in seconds.</summary>
internal sealed record BenchRow(
    int Qubits,
    int Threads,
    StatePrecision Precision,
    double Copy,
    double ReadModifyWrite,
    double HLow,
    double HHigh,
    double RxLow,
    double RxHigh,
    double CostLayer,
    double TableLayerUInt16,
    double TableLayerByte,
    double QuboLayer,
    double? MixerPerQubit)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public long Bytes => SimulatorCapacity.BytesRequired(Qubits, Precision);

    public double GateMean => (HLow + HHigh + RxLow + RxHigh) / 4;

    public static BenchRow Measure(int qubits, int threads, StatePrecision precision, BenchOptions options)
    {
        var runs = BenchOptions.Runs(qubits);
        var bytes = SimulatorCapacity.BytesRequired(qubits, precision);
        var probe = new BandwidthProbe(bytes, threads);
        var copy = Timing.Best(probe.Copy(runs));
        var readModifyWrite = Timing.Best(probe.ReadModifyWrite(runs));

        var simulatorOptions = new SimulatorOptions { MaxDegreeOfParallelism = threads, MemoryLimitBytes = bytes };
        using var state = QuantumState.Create(qubits, precision, simulatorOptions);
        state.PrepareUniformSuperposition();
        double Gate(Action<int> gate, int target) => Timing.Best(Timing.Repeat(runs, () => gate(target)));
        double Pair(Action<int> gate, int a, int b) => (Gate(gate, a) + Gate(gate, b)) / 2;
        var hLow = Pair(state.H, 0, 1);
        var hHigh = Pair(state.H, qubits - 1, qubits - 2);
        var rxLow = Pair(q => state.Rx(q, 0.3), 0, 1);
        var rxHigh = Pair(q => state.Rx(q, 0.3), qubits - 1, qubits - 2);
        double? mixer = qubits <= options.MixerMaxQubits ? Timing.Best(Timing.Repeat(Math.Min(runs, 3), () => state.ApplyMixer(0.2))) / qubits : null;

        var qubo = RandomQubo(qubits);
        var quboLayer = Timing.Best(Timing.Repeat(runs, () => state.ApplyQuboPhase(qubo, 0.1)));
        double CostLayer(QuboDiagonal costs, SimulatorOptions costOptions, int? expectedTableSize)
        {
            using var cost = CostVector.FromQubo(costs, costOptions);
            if (expectedTableSize is { } size && !(cost.DistinctValues <= size))
            {
                throw new InvalidOperationException($"Expected a table of at most {size} values, got {cost.DistinctValues?.ToString(Invariant) ?? "none"}.");
            }

            if (cost.DistinctValues is { } values)
            {
                Console.Error.WriteLine($"  {qubits} qubits: cost table of {values} distinct values");
            }

            return Timing.Best(Timing.Repeat(runs, () => state.ApplyCostPhase(cost, 0.1)));
        }

        var sinCosLayer = CostLayer(qubo, simulatorOptions with { MaxCostTableValues = 0 }, null);
        var uint16Layer = CostLayer(IntegerQubo(qubits, quadratic: true), simulatorOptions, 65_536);
        var byteLayer = CostLayer(IntegerQubo(qubits, quadratic: false), simulatorOptions, 256);

        return new BenchRow(qubits, threads, precision, copy, readModifyWrite, hLow, hHigh, rxLow, rxHigh, sinCosLayer, uint16Layer, byteLayer, quboLayer, mixer);
    }

    public static void PrintGateTable(IReadOnlyList<BenchRow> rows)
    {
        Console.WriteLine("Single-qubit gates (ms per gate on the whole state; ratio to the read-modify-write bound)");
        Console.WriteLine("| qubits | precision | threads | state MiB | copy ms | RMW ms | RMW GB/s | H low | H high | RX low | RX high | mean gate | ns/amplitude | gate/RMW | gate/copy | mixer per qubit | mixer/RMW |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var mixer = r.MixerPerQubit is { } m ? $"{Ms(m)} | {Ratio(m / r.ReadModifyWrite)}" : "– | –";
            Console.WriteLine(string.Create(Invariant,
                $"| {r.Qubits} | {Name(r.Precision)} | {r.Threads} | {r.Bytes >> 20} | {Ms(r.Copy)} | {Ms(r.ReadModifyWrite)} | {2.0 * r.Bytes / r.ReadModifyWrite / 1e9:F1} | " +
                $"{Ms(r.HLow)} | {Ms(r.HHigh)} | {Ms(r.RxLow)} | {Ms(r.RxHigh)} | {Ms(r.GateMean)} | {r.GateMean * 1e9 / (1L << r.Qubits):F2} | **{Ratio(r.GateMean / r.ReadModifyWrite)}** | {Ratio(r.GateMean / r.Copy)} | {mixer} |"));
        }
    }

    public static void PrintLayerTable(IReadOnlyList<BenchRow> rows)
    {
        Console.WriteLine("QAOA cost layers (ms per layer; ratio to one read-modify-write pass over the state)");
        Console.WriteLine("sin/cos = one sin/cos per amplitude (double costs); table = one sin/cos per distinct cost, 2-byte or 1-byte index per amplitude");
        Console.WriteLine("| qubits | precision | threads | RMW ms | sin/cos layer | sin/cos/RMW | table layer, ushort | ushort/RMW | table layer, byte | byte/RMW | on-the-fly QUBO layer | QUBO/RMW |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(Invariant,
                $"| {r.Qubits} | {Name(r.Precision)} | {r.Threads} | {Ms(r.ReadModifyWrite)} | {Ms(r.CostLayer)} | {Ratio(r.CostLayer / r.ReadModifyWrite)} | " +
                $"{Ms(r.TableLayerUInt16)} | **{Ratio(r.TableLayerUInt16 / r.ReadModifyWrite)}** | {Ms(r.TableLayerByte)} | **{Ratio(r.TableLayerByte / r.ReadModifyWrite)}** | {Ms(r.QuboLayer)} | {Ratio(r.QuboLayer / r.ReadModifyWrite)} |"));
        }
    }

    /// <summary>A dense random QUBO: the cost layer's speed does not depend on the coefficients.</summary>
    private static QuboDiagonal RandomQubo(int variables)
    {
        var random = new Random(variables);
        var linear = Enumerable.Range(0, variables).Select(_ => random.NextDouble() * 10).ToArray();
        var quadratic = from i in Enumerable.Range(0, variables)
                        from j in Enumerable.Range(i + 1, variables - i - 1)
                        select new QuadraticTerm(i, j, random.NextDouble() * 20);
        return new QuboDiagonal(variables, linear, quadratic.ToList());
    }

    /// <summary>
    /// Integer coefficients, as scheduling QUBOs have: with quadratic terms (0…20) the energies span a few thousand
    /// integers (ushort index); linear terms only (0…9) span at most 9·n + 1 ≤ 256 values up to 28 qubits (byte index).
    /// </summary>
    private static QuboDiagonal IntegerQubo(int variables, bool quadratic)
    {
        var random = new Random(variables + 1);
        var linear = Enumerable.Range(0, variables).Select(_ => (double)random.Next(quadratic ? 11 : 10)).ToArray();
        var terms = quadratic
            ? (from i in Enumerable.Range(0, variables)
               from j in Enumerable.Range(i + 1, variables - i - 1)
               select new QuadraticTerm(i, j, random.Next(21))).ToList()
            : [];
        return new QuboDiagonal(variables, linear, terms);
    }

    private static string Name(StatePrecision precision) => precision == StatePrecision.Complex128 ? "c128" : "c64";

    private static string Ms(double seconds) => (seconds * 1e3).ToString(seconds < 0.01 ? "F3" : "F1", Invariant);

    private static string Ratio(double ratio) => ratio.ToString("F2", Invariant) + "×";
}

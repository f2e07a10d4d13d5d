namespace QuantumScheduler.Solvers.Quantum.Simulator.Tests;

/// <summary>One way of running the simulator: precision × kernel family, with the tolerance that precision earns.</summary>
public sealed record Flavour(StatePrecision Precision, bool Simd)
{
    /// <summary>Theory rows (precision, simd): plain values so every row shows up as its own test case.</summary>
    public static TheoryData<StatePrecision, bool> All => new()
    {
        { StatePrecision.Complex128, true },
        { StatePrecision.Complex128, false },
        { StatePrecision.Complex64, true },
        { StatePrecision.Complex64, false },
    };

    public double Tolerance => Precision == StatePrecision.Complex128 ? 1e-10 : 1e-4;

    public QuantumState Create(int qubits, int threads = 1) => QuantumState.Create(qubits, Precision, new SimulatorOptions
    {
        UseSimd = Simd,
        MaxDegreeOfParallelism = threads,
        ParallelThresholdQubits = 0,
    });

    public override string ToString() => $"{Precision}/{(Simd ? "simd" : "scalar")}";
}

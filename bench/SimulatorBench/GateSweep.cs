using QuantumScheduler.Solvers.Quantum.Simulator;

namespace QuantumScheduler.Bench.Simulator;

/// <summary>One gate timed on every target qubit: median seconds per target, their mean and the slowest target.</summary>
internal sealed record GateSweep(double[] PerTarget)
{
    public double Mean => PerTarget.Average();

    public double Worst => PerTarget.Max();

    public int WorstQubit => Array.IndexOf(PerTarget, Worst);

    public static GateSweep Measure(QuantumState state, SingleQubitMatrix gate, int runs) =>
        new(Enumerable.Range(0, state.Qubits).Select(q => Timing.Median(Timing.Repeat(runs, () => state.Apply(gate, q)))).ToArray());
}

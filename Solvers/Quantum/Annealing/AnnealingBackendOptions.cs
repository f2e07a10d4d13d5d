using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>Settings of the <c>annealing</c> backend.</summary>
public sealed record AnnealingBackendOptions
{
    /// <summary>Default <see cref="AnnealingMode.Sa"/>.</summary>
    public AnnealingMode Mode { get; init; } = AnnealingMode.Sa;

    public SimulatedAnnealingOptions SimulatedAnnealing { get; init; } = new();

    public QuantumAnnealingOptions QuantumAnnealing { get; init; } = new();

    public QuboSolveSettings Qubo { get; init; } = new();

    public ComparisonOptions Comparison { get; init; } = new();

    /// <summary>Largest number of x[t,a] variables accepted; null = no limit. Default 200 000.</summary>
    public int? MaxVariables { get; init; } = 200_000;
}

using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Qaoa;

/// <summary>Settings of the <c>qaoa</c> backend.</summary>
public sealed record QaoaBackendOptions
{
    /// <summary>Circuit, angle search, shots and qubit limit.</summary>
    public QaoaOptions Qaoa { get; init; } = new();

    /// <summary>
    /// Start each circuit biased towards a classical solution: the best assignment so far, else the problem's
    /// initial solution (warm-start QAOA); that solution also joins the samples. Default false.
    /// </summary>
    public bool WarmStart { get; init; }

    /// <summary>
    /// Penalty adaptation, repair and polish. Default: as <see cref="QuboSolveSettings"/> but at most 3 batches, so a
    /// solve is a fixed amount of work (reproducible by seed) rather than "as many circuits as the time allows".
    /// </summary>
    public QuboSolveSettings Qubo { get; init; } = new() { MaxBatches = 3 };

    public ComparisonOptions Comparison { get; init; } = new();
}

using QuantumScheduler.Solvers.Backends;

namespace QuantumScheduler.Solvers.Quantum.Comparison;

/// <summary>
/// Whether and how a quantum or hybrid solve is compared with a classical one. With neither a baseline
/// backend nor a provided result, the record still says what the quantum solve achieved and that no
/// classical result was computed.
/// </summary>
public sealed record ComparisonOptions
{
    /// <summary>A classical backend run on the same problem after the quantum solve (e.g. classical-tabu); null = none.</summary>
    public ISolverBackend? ClassicalBackend { get; init; }

    /// <summary>Time limit of the classical run. Default 2 s.</summary>
    public TimeSpan ClassicalTimeLimit { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A classical result the caller already has; used instead of running <see cref="ClassicalBackend"/>.</summary>
    public ClassicalBaseline? ProvidedBaseline { get; init; }
}

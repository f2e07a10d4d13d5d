using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>
/// Solves the small QUBOs the hybrid decomposition cuts out (at most <see cref="MaxVariables"/> variables,
/// everything else clamped). The annealing sampler implements it now; a QAOA backend can plug in the same way.
/// </summary>
public interface IQuboSubproblemSolver
{
    /// <summary>A short name for reports, e.g. "sa".</summary>
    string Name { get; }

    /// <summary>The largest subproblem it accepts (e.g. a qubit limit); the decomposition never exceeds it.</summary>
    int MaxVariables { get; }

    /// <summary>
    /// A low-energy bitstring of <paramref name="subproblem"/>; <paramref name="start"/> is the current values (a
    /// warm start), <paramref name="energyResolution"/> the smallest energy difference that matters, when known.
    /// </summary>
    byte[] Solve(QuboModel subproblem, byte[] start, int seed, double? energyResolution, CancellationToken cancellationToken);
}

using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>Something the harness can point at an instance: an in-process backend or an external solver.</summary>
internal interface IInstanceSolver
{
    string Name { get; }

    /// <summary>Why the solver cannot run here, or null when it can.</summary>
    string? Unavailable { get; }

    /// <summary>Solves within the settings; the harness checks the answer itself.</summary>
    Task<BackendResult> SolveAsync(ProblemInstance instance, SolveOptions options, CancellationToken cancellationToken);
}

using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>Runs one of the registered in-process backends.</summary>
internal sealed class BackendSolver(ISolverBackend backend) : IInstanceSolver
{
    public string Name => backend.Name;

    public string? Unavailable => backend.Availability.IsAvailable ? null : backend.Availability.Reason;

    public Task<BackendResult> SolveAsync(ProblemInstance instance, SolveOptions options, CancellationToken cancellationToken) =>
        backend.SolveAsync(instance, options, progress: null, cancellationToken);
}

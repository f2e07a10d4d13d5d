using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Backends;

/// <summary>
/// A solver backend. It chooses an agent for each task of a compiled problem; the caller builds the
/// schedule (times), checks feasibility with the one independent checker and explains the result, so no
/// backend is trusted about its own answer.
/// </summary>
public interface ISolverBackend
{
    /// <summary>The backend's name as users select it, e.g. "classical-tabu".</summary>
    string Name { get; }

    BackendCapabilities Capabilities { get; }

    /// <summary>Whether the backend can run here, and if not, why (e.g. a native library is missing).</summary>
    BackendAvailability Availability { get; }

    /// <summary>
    /// Solves until a termination condition, cancellation or optimality. On time-out or cancellation it
    /// returns the best assignment found so far with <see cref="TerminationReason"/> saying so.
    /// </summary>
    Task<BackendResult> SolveAsync(ProblemInstance instance, SolveOptions options, IProgress<SolveProgress>? progress, CancellationToken cancellationToken);
}

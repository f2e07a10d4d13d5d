using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Comparison;

namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// A backend that solves through the scheduling QUBO with some sampler: refusal of what the QUBO cannot
/// express, the shared <see cref="QuboScheduleSolver"/> path, and the comparison record on every solve.
/// </summary>
public abstract class QuboBackend : ISolverBackend
{
    public abstract string Name { get; }

    public abstract BackendCapabilities Capabilities { get; }

    public virtual BackendAvailability Availability => BackendAvailability.Available;

    /// <summary>Penalty adaptation, repair, polish and batching.</summary>
    protected abstract QuboSolveSettings Settings { get; }

    /// <summary>Whether to compare with a classical result, and which.</summary>
    protected abstract ComparisonOptions Comparison { get; }

    /// <summary>The sampler for this solve.</summary>
    protected abstract IQuboSampler CreateSampler(SolveOptions options);

    /// <summary>Why this problem's QUBO is too large for this backend (e.g. over a qubit limit), or null when it fits.</summary>
    protected virtual string? SizeRefusal(ProblemInstance instance) => null;

    /// <summary>Solves on a worker thread (sampling is CPU-bound), then records the comparison.</summary>
    /// <exception cref="NotSupportedException">The problem needs what the QUBO cannot express, or the backend is unavailable.</exception>
    public async Task<BackendResult> SolveAsync(ProblemInstance instance, SolveOptions options, IProgress<SolveProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Threads < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Threads, "SolveOptions.Threads must be 0 (all cores) or positive.");
        if (!Availability.IsAvailable) throw new NotSupportedException($"{Name} is unavailable: {Availability.Reason}.");
        if (QuboSupport.RefusalReason(instance) is { } reason)
            throw new NotSupportedException($"{Name} cannot solve problem \"{instance.Problem.Name}\": {reason}.");
        var variables = instance.EligibleAgents.Sum(a => a.Length);
        if (Capabilities.MaxVariables is { } max && variables > max)
            throw new NotSupportedException($"{Name} cannot solve problem \"{instance.Problem.Name}\": {variables} task-agent variables exceed its limit of {max}.");

        if (SizeRefusal(instance) is { } tooLarge)
            throw new NotSupportedException($"{Name} cannot solve problem \"{instance.Problem.Name}\": {tooLarge}.");

        var solver = new QuboScheduleSolver(CreateSampler(options), Settings);
        var outcome = await Task.Run(() => solver.Solve(instance, options, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        var record = await ClassicalComparison.CompareAsync(Name, instance, outcome, Comparison, options, cancellationToken).ConfigureAwait(false);
        return ClassicalComparison.Attach(outcome.Result, record);
    }
}

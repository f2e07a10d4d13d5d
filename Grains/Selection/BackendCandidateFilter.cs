using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Solvers.Quantum.Qubo;
using QuantumScheduler.Solvers.Solving;

namespace QuantumScheduler.Grains.Selection;

/// <summary>
/// Keeps the backends that may run a problem and says why each other one may not: disabled; unavailable here;
/// over <c>max_problem_size</c> or <c>max_qubits</c>; a feature the backend does not support
/// (<see cref="CapabilityCheck"/>, and for QUBO backends what the QUBO cannot express); its breaker open (before
/// its recovery timeout) or half-open with its trial running. Breakers are read only for backends that pass the rest.
/// </summary>
public sealed class BackendCandidateFilter(IBackendStatusSource status, TimeProvider time)
{
    public async Task<IReadOnlyList<BackendCandidate>> FilterAsync(
        IEnumerable<CatalogBackend> backends, BackendSelectionRequest request, ICollection<string> refusals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backends);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusals);
        // Only a problem the QUBO can express has a qubit count; for others the variables are the lower bound.
        var qubits = new Lazy<int>(() => QuboSupport.RefusalReason(request.Problem) is null
            ? QuboFormulator.Formulate(request.Problem).Report.Qubits
            : request.ProblemSize);
        var candidates = new List<BackendCandidate>();
        foreach (var backend in backends)
        {
            var reasons = StaticRefusals(backend, request, qubits);
            if (reasons.Count == 0 && await BreakerRefusal(backend.Name, cancellationToken) is { } breaker)
                reasons.Add(breaker);
            if (reasons.Count > 0)
            {
                refusals.Add($"{backend.Name}: {string.Join("; ", reasons)}");
                continue;
            }
            candidates.Add(new BackendCandidate(backend, await status.GetInfoAsync(backend.Name, cancellationToken)));
        }
        return candidates;
    }

    private static List<string> StaticRefusals(CatalogBackend backend, BackendSelectionRequest request, Lazy<int> qubits)
    {
        var settings = backend.Settings;
        var reasons = new List<string>();
        if (!settings.Enabled)
            reasons.Add("disabled in the configuration");
        var availability = backend.Solver.Availability;
        if (!availability.IsAvailable)
            reasons.Add($"unavailable here ({availability.Reason ?? "no reason given"})");
        // The settings' max_problem_size already includes the backend's own variable limit.
        reasons.AddRange(CapabilityCheck.Refusals(request.Problem, backend.Solver.Capabilities with { MaxVariables = null }));
        if (backend.Solver is QuboBackend && QuboSupport.RefusalReason(request.Problem) is { } quboRefusal)
            reasons.Add(quboRefusal);
        if (settings.MaxProblemSize is { } maxSize && request.ProblemSize > maxSize)
            reasons.Add($"the problem has {request.ProblemSize} task-agent variables; max_problem_size is {maxSize}");
        // A QUBO has at least one qubit per task-agent variable, so only a problem that might fit is formulated,
        // and only one the QUBO can express.
        else if (settings.MaxQubits is { } maxQubits && reasons.Count == 0 && (request.ProblemSize > maxQubits || qubits.Value > maxQubits))
            reasons.Add($"the problem needs {(request.ProblemSize > maxQubits ? $"at least {request.ProblemSize}" : qubits.Value)} qubits; max_qubits is {maxQubits}");
        return reasons;
    }

    private async Task<string?> BreakerRefusal(string backend, CancellationToken cancellationToken)
    {
        var breaker = await status.GetBreakerAsync(backend, cancellationToken);
        return breaker.State switch
        {
            BreakerState.Open when breaker.RetryAt > time.GetUtcNow() =>
                $"circuit breaker open until {breaker.RetryAt:O} (last error: {breaker.LastError ?? "none recorded"})",
            BreakerState.HalfOpen when breaker.TrialInFlight && breaker.RetryAt > time.GetUtcNow() => "circuit breaker half-open with its one trial running",
            _ => null,
        };
    }
}

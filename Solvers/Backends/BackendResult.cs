namespace QuantumScheduler.Solvers.Backends;

/// <summary>A backend's raw answer: the agent of each task (-1 = unassigned), and what it knows about it.</summary>
public sealed record BackendResult
{
    public required int[] AgentOfTask { get; init; }

    public required TerminationReason Termination { get; init; }

    /// <summary>A proven bound on the optimal objective (exact backends), in the problem's sense.</summary>
    public double? Bound { get; init; }

    /// <summary>Energy of the chosen QUBO sample, when a QUBO was solved.</summary>
    public double? QuboEnergy { get; init; }

    /// <summary>Backend-specific facts worth reporting (iterations, nodes, penalty weights, qubits...).</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}

public enum TerminationReason
{
    /// <summary>Proven optimal (or the target gap was reached).</summary>
    Optimal,
    TimeLimit,
    UnimprovedTimeLimit,
    TargetReached,
    Cancelled,
    /// <summary>The backend proved that no feasible solution exists.</summary>
    Infeasible,
    /// <summary>The search ended by its own rule (e.g. iteration budget) without proof.</summary>
    Completed,
}

namespace QuantumScheduler.Solvers.Backends;

/// <summary>What a backend supports. A problem that needs more is refused with the reason.</summary>
public sealed record BackendCapabilities
{
    /// <summary>Objectives the backend optimises (others are refused).</summary>
    public required IReadOnlySet<Model.ObjectiveKind> Objectives { get; init; }

    public bool SupportsDependencies { get; init; }
    public bool SupportsDeadlines { get; init; }
    public bool SupportsAvailability { get; init; }
    public bool SupportsSoftConstraints { get; init; }
    public bool SupportsUnassigned { get; init; }
    public bool SupportsWarmStart { get; init; }
    public bool SupportsPinning { get; init; }

    /// <summary>Proves bounds (exact backends).</summary>
    public bool ProvidesBound { get; init; }

    /// <summary>Largest number of task-agent variables accepted; null = no limit.</summary>
    public int? MaxVariables { get; init; }

    /// <summary>Largest number of qubits (quantum backends); null = not a qubit-limited backend.</summary>
    public int? MaxQubits { get; init; }
}

/// <summary>Whether a backend can run on this machine.</summary>
public sealed record BackendAvailability(bool IsAvailable, string? Reason)
{
    public static BackendAvailability Available { get; } = new(true, null);
    public static BackendAvailability Unavailable(string reason) => new(false, reason);
}

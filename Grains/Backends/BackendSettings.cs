namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// A backend's effective settings: its own entry over its family's over the seed's defaults, with the limits
/// narrowed to what the backend itself can do (the smaller of the configured and the backend's own limit).
/// </summary>
public sealed record BackendSettings
{
    public required string Name { get; init; }

    /// <summary>One of <see cref="BackendFamilies.All"/>.</summary>
    public required string Family { get; init; }

    public required bool Enabled { get; init; }

    public required double Weight { get; init; }

    /// <summary>Largest problem accepted, in task-agent variables; null = no limit.</summary>
    public int? MaxProblemSize { get; init; }

    /// <summary>Largest number of qubits, for backends that allocate qubits (QAOA, hardware); null otherwise.</summary>
    public int? MaxQubits { get; init; }

    public string? Provider { get; init; }

    public TimeSpan? QueueTimeout { get; init; }
}

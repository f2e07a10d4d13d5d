namespace QuantumScheduler.Solvers.Quantum.Hardware;

/// <summary>
/// Access to a real quantum device or cloud service (a D-Wave annealer, a Braket or IBM gate-model QPU...).
/// The project ships no implementation: an implementation must talk to real hardware, never imitate it.
/// Jobs are asynchronous on every such service, so the contract is submit, poll, cancel.
/// </summary>
public interface IQuantumHardwareProvider
{
    /// <summary>The provider and device, e.g. "dwave:Advantage_system4.1".</summary>
    string Name { get; }

    QuantumHardwareCapabilities Capabilities { get; }

    /// <summary>What the submission would cost (e.g. per task + per shot), before submitting it.</summary>
    Task<HardwareCostEstimate> EstimateCostAsync(HardwareSubmission submission, CancellationToken cancellationToken);

    /// <summary>Queues the submission; returns the provider's job id.</summary>
    Task<string> SubmitAsync(HardwareSubmission submission, CancellationToken cancellationToken);

    /// <summary>The job's state, with its samples once completed.</summary>
    Task<HardwareJobStatus> PollAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Asks the provider to cancel the job (best effort; charges may still apply).</summary>
    Task CancelAsync(string jobId, CancellationToken cancellationToken);
}

/// <summary>What a device accepts.</summary>
/// <param name="SupportsQubo">Accepts QUBOs (annealers).</param>
/// <param name="SupportsCircuits">Accepts OpenQASM circuits (gate-model devices).</param>
/// <param name="MaxQubits">Qubits available (for an annealer, the largest QUBO it can embed).</param>
/// <param name="MaxShots">Most samples (reads or shots) per job.</param>
public sealed record QuantumHardwareCapabilities(bool SupportsQubo, bool SupportsCircuits, int MaxQubits, int MaxShots);

/// <summary>One job: a QUBO for an annealer or an OpenQASM 3 circuit for a gate-model device, and how many samples.</summary>
public sealed record HardwareSubmission
{
    public Qubo.QuboModel? Qubo { get; init; }

    /// <summary>The circuit as OpenQASM 3 text (provider-neutral).</summary>
    public string? OpenQasm { get; init; }

    public required int Shots { get; init; }
}

/// <summary>A cost estimate in the provider's currency, with the expected device time when known.</summary>
public sealed record HardwareCostEstimate(decimal Amount, string Currency, TimeSpan? DeviceTime);

public enum HardwareJobState
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>A job's state; <see cref="Samples"/> are the measured bitstrings (one byte per variable or qubit) once completed.</summary>
public sealed record HardwareJobStatus(HardwareJobState State, IReadOnlyList<byte[]>? Samples = null, string? Message = null);

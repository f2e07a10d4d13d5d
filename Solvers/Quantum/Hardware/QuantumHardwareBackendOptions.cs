using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Hardware;

/// <summary>Settings of the <c>quantum-hardware</c> backend.</summary>
public sealed record QuantumHardwareBackendOptions
{
    /// <summary>Samples requested per job. Default 1000.</summary>
    public int Shots { get; init; } = 1000;

    /// <summary>Time between status polls. Default 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Default: one job per solve (<see cref="QuboSolveSettings.MaxBatches"/> = 1), since jobs cost money.</summary>
    public QuboSolveSettings Qubo { get; init; } = new() { MaxBatches = 1, MaxPenaltyRounds = 0 };

    public ComparisonOptions Comparison { get; init; } = new();
}

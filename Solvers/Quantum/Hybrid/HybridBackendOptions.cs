using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>Settings of the <c>hybrid</c> backend.</summary>
public sealed record HybridBackendOptions
{
    public HybridSamplerOptions Sampler { get; init; } = new();

    /// <summary>The subproblem solver; null = simulated annealing (<see cref="AnnealingSubproblemSolver"/>).</summary>
    public IQuboSubproblemSolver? SubproblemSolver { get; init; }

    /// <summary>Default: as <see cref="QuboSolveSettings"/>, but each batch starts from the best assignment so far.</summary>
    public QuboSolveSettings Qubo { get; init; } = new() { WarmStartSampler = true };

    public ComparisonOptions Comparison { get; init; } = new();

    /// <summary>Largest number of x[t,a] variables accepted; null = no limit. Default 200 000.</summary>
    public int? MaxVariables { get; init; } = 200_000;
}

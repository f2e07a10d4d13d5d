using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>Subproblems by simulated annealing (single-threaded: the hybrid sampler already runs reads in parallel).</summary>
public sealed class AnnealingSubproblemSolver : IQuboSubproblemSolver
{
    private static readonly TimeSpan Unbounded = TimeSpan.FromDays(1);
    private readonly SimulatedAnnealingSampler _sampler;

    /// <param name="options">Default: 4 reads of 200 sweeps.</param>
    /// <param name="maxVariables">Largest subproblem. Default 1000 (annealing has no hard limit).</param>
    public AnnealingSubproblemSolver(SimulatedAnnealingOptions? options = null, int maxVariables = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxVariables, 1);
        _sampler = new SimulatedAnnealingSampler(options ?? new SimulatedAnnealingOptions { Reads = 4, Sweeps = 200 });
        MaxVariables = maxVariables;
    }

    public string Name => "sa";

    public int MaxVariables { get; }

    public byte[] Solve(QuboModel subproblem, byte[] start, int seed, double? energyResolution, CancellationToken cancellationToken)
    {
        var set = _sampler.Sample(subproblem, new QuboSampleRequest(seed, Unbounded, EnergyResolution: energyResolution), cancellationToken);
        return set.Samples.Count > 0 && set.Samples[0].Energy < subproblem.Energy(start) ? set.Samples[0].Bits : start;
    }
}

using QuantumScheduler.Solvers.Quantum.Hybrid;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Qaoa;

/// <summary>
/// QAOA for the hybrid decomposition's subproblems, warm-started from the current values of the window. Single
/// simulator thread: the hybrid sampler already runs its reads in parallel.
/// </summary>
public sealed class QaoaSubproblemSolver : IQuboSubproblemSolver
{
    private static readonly TimeSpan Unbounded = TimeSpan.FromDays(1);
    private readonly QaoaOptions _options;

    /// <param name="options">
    /// Default: 12 qubits, p = 2, 60 evaluations per layer, 256 shots (a subproblem is solved many times per read, so
    /// each circuit must be cheap).
    /// </param>
    public QaoaSubproblemSolver(QaoaOptions? options = null)
    {
        _options = options ?? new QaoaOptions { MaxQubits = 12, Layers = 2, MaxEvaluationsPerLayer = 60, Shots = 256 };
        _options.Validate();
    }

    public string Name => "qaoa";

    public int MaxVariables => _options.QubitLimit;

    public byte[] Solve(QuboModel subproblem, byte[] start, int seed, double? energyResolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subproblem);
        ArgumentNullException.ThrowIfNull(start);
        var set = new QaoaSampler(_options).Sample(subproblem, new QuboSampleRequest(seed, Unbounded, InitialStates: [start]), cancellationToken);
        return set.Samples[0].Energy < subproblem.Energy(start) ? set.Samples[0].Bits : start;
    }
}

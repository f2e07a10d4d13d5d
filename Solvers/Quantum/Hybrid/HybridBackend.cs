using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>
/// <c>hybrid</c>: the scheduling QUBO solved by tabu search on the whole plus energy-impact decomposition into
/// subproblems of at most k variables (<see cref="HybridQuboSampler"/>), anytime, with warm starts from the
/// best assignment so far.
/// </summary>
public sealed class HybridBackend(HybridBackendOptions? options = null) : QuboBackend
{
    public const string BackendName = "hybrid";

    private readonly HybridBackendOptions _options = options ?? new();

    public override string Name => BackendName;

    public override BackendCapabilities Capabilities => QuboSupport.Capabilities(warmStart: true, _options.MaxVariables);

    protected override QuboSolveSettings Settings => _options.Qubo;

    protected override ComparisonOptions Comparison => _options.Comparison;

    protected override IQuboSampler CreateSampler(SolveOptions options) =>
        new HybridQuboSampler(_options.Sampler, _options.SubproblemSolver ?? new AnnealingSubproblemSolver());
}

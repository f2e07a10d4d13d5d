using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Hybrid;

/// <summary>
/// <c>hybrid</c>: the scheduling QUBO solved by tabu search on the whole plus energy-impact decomposition into
/// subproblems of at most k variables (<see cref="HybridQuboSampler"/>), anytime, with warm starts from the
/// best assignment so far.
/// </summary>
/// <param name="options">Default: simulated annealing on the subproblems.</param>
/// <param name="name">The name it is selected by; default <c>hybrid</c> (the registry also offers QAOA subproblems as <c>hybrid-qaoa</c>).</param>
public sealed class HybridBackend(HybridBackendOptions? options = null, string name = HybridBackend.BackendName) : QuboBackend
{
    public const string BackendName = "hybrid";

    /// <summary>The registry's name for this backend with QAOA solving the subproblems.</summary>
    public const string QaoaSubproblemsName = "hybrid-qaoa";

    private readonly HybridBackendOptions _options = options ?? new();

    public override string Name => name;

    public override BackendCapabilities Capabilities => QuboSupport.Capabilities(warmStart: true, _options.MaxVariables);

    protected override QuboSolveSettings Settings => _options.Qubo;

    protected override ComparisonOptions Comparison => _options.Comparison;

    protected override IQuboSampler CreateSampler(SolveOptions options) =>
        new HybridQuboSampler(_options.Sampler, _options.SubproblemSolver ?? new AnnealingSubproblemSolver());
}

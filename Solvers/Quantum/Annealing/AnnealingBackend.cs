using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// <c>annealing</c>: the scheduling QUBO sampled by simulated annealing or simulated quantum annealing
/// (<see cref="AnnealingBackendOptions.Mode"/>), reads spread over <see cref="SolveOptions.Threads"/>.
/// </summary>
public sealed class AnnealingBackend(AnnealingBackendOptions? options = null) : QuboBackend
{
    public const string BackendName = "annealing";

    private readonly AnnealingBackendOptions _options = options ?? new();

    public override string Name => BackendName;

    public override BackendCapabilities Capabilities => QuboSupport.Capabilities(warmStart: false, _options.MaxVariables);

    protected override QuboSolveSettings Settings => _options.Qubo;

    protected override ComparisonOptions Comparison => _options.Comparison;

    protected override IQuboSampler CreateSampler(SolveOptions options) => _options.Mode switch
    {
        AnnealingMode.Sa => new SimulatedAnnealingSampler(_options.SimulatedAnnealing),
        AnnealingMode.Sqa => new SimulatedQuantumAnnealingSampler(_options.QuantumAnnealing),
        _ => throw new ArgumentOutOfRangeException(nameof(options), _options.Mode, "Unknown annealing mode."),
    };
}

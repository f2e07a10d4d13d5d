using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>
/// <c>annealing</c>: the scheduling QUBO sampled by simulated annealing or simulated quantum annealing
/// (<see cref="AnnealingBackendOptions.Mode"/>), reads spread over <see cref="SolveOptions.Threads"/>.
/// </summary>
/// <param name="options">Default: simulated annealing with default settings.</param>
/// <param name="name">The name it is selected by; default <c>annealing</c> (the registry also offers the SQA mode as <c>annealing-sqa</c>).</param>
public sealed class AnnealingBackend(AnnealingBackendOptions? options = null, string name = AnnealingBackend.BackendName) : QuboBackend
{
    public const string BackendName = "annealing";

    /// <summary>The registry's name for this backend in <see cref="AnnealingMode.Sqa"/> mode.</summary>
    public const string QuantumModeName = "annealing-sqa";

    private readonly AnnealingBackendOptions _options = options ?? new();

    public override string Name => name;

    public override BackendCapabilities Capabilities => QuboSupport.Capabilities(warmStart: _options.Qubo.WarmStartSampler, _options.MaxVariables);

    protected override QuboSolveSettings Settings => _options.Qubo;

    protected override ComparisonOptions Comparison => _options.Comparison;

    protected override IQuboSampler CreateSampler(SolveOptions options) => _options.Mode switch
    {
        AnnealingMode.Sa => new SimulatedAnnealingSampler(_options.ReadsPerThread is { } perThread
            ? _options.SimulatedAnnealing with { Reads = perThread * (options.Threads == 0 ? Environment.ProcessorCount : options.Threads) }
            : _options.SimulatedAnnealing),
        AnnealingMode.Sqa => new SimulatedQuantumAnnealingSampler(_options.QuantumAnnealing),
        _ => throw new ArgumentOutOfRangeException(nameof(options), _options.Mode, "Unknown annealing mode."),
    };
}

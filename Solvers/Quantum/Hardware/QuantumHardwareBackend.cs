using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Hardware;

/// <summary>
/// <c>quantum-hardware</c>: the scheduling QUBO sampled on a real device through an
/// <see cref="IQuantumHardwareProvider"/>. Without a configured provider it is unavailable and says so; there
/// is no simulated stand-in (the simulators are the <c>annealing</c>, <c>hybrid</c> and <c>qaoa</c> backends).
/// </summary>
public sealed class QuantumHardwareBackend(IQuantumHardwareProvider? provider = null, QuantumHardwareBackendOptions? options = null) : QuboBackend
{
    public const string BackendName = "quantum-hardware";

    private readonly QuantumHardwareBackendOptions _options = options ?? new();

    public override string Name => BackendName;

    public override BackendCapabilities Capabilities =>
        QuboSupport.Capabilities(warmStart: false, maxQubits: provider?.Capabilities.MaxQubits ?? 0);

    public override BackendAvailability Availability => provider switch
    {
        null => BackendAvailability.Unavailable("no quantum hardware provider is configured"),
        { Capabilities.SupportsQubo: false } => BackendAvailability.Unavailable($"provider {provider.Name} does not accept QUBOs"),
        _ => BackendAvailability.Available,
    };

    protected override QuboSolveSettings Settings => _options.Qubo;

    protected override ComparisonOptions Comparison => _options.Comparison;

    protected override IQuboSampler CreateSampler(SolveOptions options) =>
        new HardwareQuboSampler(provider ?? throw new InvalidOperationException("no quantum hardware provider is configured"), _options.Shots, _options.PollInterval);
}

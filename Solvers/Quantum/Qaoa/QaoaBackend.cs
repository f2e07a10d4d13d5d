using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Model;
using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Qubo;

namespace QuantumScheduler.Solvers.Quantum.Qaoa;

/// <summary>
/// <c>qaoa</c>: the scheduling QUBO sampled by QAOA on our state-vector simulator, one qubit per QUBO variable
/// (task-agent pairs and capacity slack bits). Problems whose QUBO needs more qubits than
/// <see cref="QaoaOptions.QubitLimit"/> are refused before anything is allocated.
/// </summary>
/// <param name="options">Default: p = 3, CVaR-0.2, INTERP angles, 1024 shots, 3 batches, no warm start.</param>
public sealed class QaoaBackend(QaoaBackendOptions? options = null) : QuboBackend
{
    public const string BackendName = "qaoa";

    private readonly QaoaBackendOptions _options = Validated(options ?? new());

    public override string Name => BackendName;

    public override BackendCapabilities Capabilities => QuboSupport.Capabilities(_options.WarmStart, maxVariables: _options.Qaoa.QubitLimit, maxQubits: _options.Qaoa.QubitLimit);

    protected override QuboSolveSettings Settings => _options.WarmStart ? _options.Qubo with { WarmStartSampler = true } : _options.Qubo;

    protected override ComparisonOptions Comparison => _options.Comparison;

    protected override IQuboSampler CreateSampler(SolveOptions options) => new QaoaSampler(_options.Qaoa, options.Threads);

    protected override string? SizeRefusal(ProblemInstance instance)
    {
        var report = QuboFormulator.Formulate(instance).Report;
        return QaoaSampler.QubitRefusal(report.Qubits, _options.Qaoa) is { } reason
            ? $"{reason}; its QUBO has {report.AssignmentVariables} task-agent variables and {report.SlackBits} capacity slack bits"
            : null;
    }

    private static QaoaBackendOptions Validated(QaoaBackendOptions options)
    {
        options.Qaoa.Validate();
        return options;
    }
}

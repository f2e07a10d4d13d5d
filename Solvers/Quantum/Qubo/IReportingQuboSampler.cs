namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>
/// A sampler with figures of its own worth reporting (e.g. QAOA's angles and qubit count); the shared solve path
/// copies them into <see cref="Backends.BackendResult.Details"/> next to the QUBO's figures.
/// </summary>
public interface IReportingQuboSampler : IQuboSampler
{
    /// <summary>Figures of the most recent sampling call, keyed with the sampler's own prefix (e.g. <c>qaoa.layers</c>).</summary>
    IReadOnlyDictionary<string, string> Details { get; }
}

using QuantumScheduler.Solvers.Backends.Mip;
using QuantumScheduler.Solvers.Backends.Tabu;
using QuantumScheduler.Solvers.Quantum.Annealing;
using QuantumScheduler.Solvers.Quantum.Comparison;
using QuantumScheduler.Solvers.Quantum.Hardware;
using QuantumScheduler.Solvers.Quantum.Hybrid;
using QuantumScheduler.Solvers.Quantum.Qaoa;

namespace QuantumScheduler.Solvers.Backends.Registry;

/// <summary>Finds a backend by the name users select it with (case-insensitive).</summary>
public sealed class BackendRegistry
{
    private readonly Dictionary<string, ISolverBackend> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">Two backends share a name.</exception>
    public BackendRegistry(IEnumerable<ISolverBackend> backends)
    {
        ArgumentNullException.ThrowIfNull(backends);
        foreach (var backend in backends)
        {
            if (!_byName.TryAdd(backend.Name, backend))
                throw new ArgumentException($"Two backends are named \"{backend.Name}\".", nameof(backends));
        }
    }

    /// <summary>
    /// Every backend with its default options: classical-mip, classical-tabu, annealing (simulated annealing),
    /// annealing-sqa (the same backend in simulated-quantum-annealing mode), hybrid, qaoa (small problems
    /// only: one simulated qubit per QUBO variable), hybrid-qaoa (hybrid with QAOA on its subproblems), and quantum-hardware
    /// (unavailable until a provider is configured).
    /// </summary>
    /// <param name="comparison">How each quantum and hybrid solve is compared with a classical one; none by default.</param>
    public static BackendRegistry CreateDefault(ComparisonOptions? comparison = null)
    {
        comparison ??= new ComparisonOptions();
        return new(
        [
            new ClassicalMipBackend(),
            new ClassicalTabuBackend(),
            new AnnealingBackend(new AnnealingBackendOptions { Comparison = comparison }),
            new AnnealingBackend(new AnnealingBackendOptions { Mode = AnnealingMode.Sqa, Comparison = comparison }, AnnealingBackend.QuantumModeName),
            new HybridBackend(new HybridBackendOptions { Comparison = comparison }),
            new QaoaBackend(new QaoaBackendOptions { Comparison = comparison }),
            new HybridBackend(new HybridBackendOptions { SubproblemSolver = new QaoaSubproblemSolver(), Comparison = comparison }, HybridBackend.QaoaSubproblemsName),
            new QuantumHardwareBackend(options: new QuantumHardwareBackendOptions { Comparison = comparison }),
        ]);
    }

    /// <summary>The registered names, in registration order.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    public bool TryGet(string name, out ISolverBackend backend) => _byName.TryGetValue(name, out backend!);

    /// <exception cref="KeyNotFoundException">No backend has that name; the message lists the known ones.</exception>
    public ISolverBackend Get(string name) =>
        TryGet(name, out var backend)
            ? backend
            : throw new KeyNotFoundException($"Unknown backend \"{name}\"; known backends: {string.Join(", ", Names)}.");
}

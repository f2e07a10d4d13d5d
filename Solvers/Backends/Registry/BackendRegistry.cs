using QuantumScheduler.Solvers.Backends.Mip;
using QuantumScheduler.Solvers.Backends.Tabu;

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

    /// <summary>The classical backends with their default options: classical-mip and classical-tabu.</summary>
    public static BackendRegistry CreateDefault() => new([new ClassicalMipBackend(), new ClassicalTabuBackend()]);

    /// <summary>The registered names, in registration order.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    public bool TryGet(string name, out ISolverBackend backend) => _byName.TryGetValue(name, out backend!);

    /// <exception cref="KeyNotFoundException">No backend has that name; the message lists the known ones.</exception>
    public ISolverBackend Get(string name) =>
        TryGet(name, out var backend)
            ? backend
            : throw new KeyNotFoundException($"Unknown backend \"{name}\"; known backends: {string.Join(", ", Names)}.");
}

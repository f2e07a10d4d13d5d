using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Errors;
using QuantumScheduler.Solvers.Backends;
using QuantumScheduler.Solvers.Backends.Registry;

namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// The solver registry's backends with their effective settings from <see cref="BackendsOptions"/>. Settings resolve
/// member by member: the backend's own entry, else its family's entry, else the seed's family default
/// (<see cref="BackendFamilyDefaults"/>). Limits are then narrowed to the backend's own: a configured
/// <c>max_qubits</c> of 50 on QAOA, whose simulator holds fewer qubits in memory, reports the smaller number.
/// </summary>
public sealed class BackendCatalog
{
    private readonly Dictionary<string, CatalogBackend> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<CatalogBackend> _ordered = [];

    public BackendCatalog(BackendRegistry registry, IOptions<BackendsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var name in registry.Names)
        {
            var solver = registry.Get(name);
            var entry = new CatalogBackend(solver, Resolve(solver, options.Value));
            _byName.Add(name, entry);
            _ordered.Add(entry);
        }
    }

    /// <summary>Every backend, in the registry's order.</summary>
    public IReadOnlyList<CatalogBackend> Backends => _ordered;

    public IEnumerable<string> Names => _ordered.Select(static backend => backend.Name);

    public bool TryGet(string name, out CatalogBackend backend) => _byName.TryGetValue(name, out backend!);

    /// <exception cref="UnknownBackendException">No backend has that name; the message lists the known ones.</exception>
    public CatalogBackend Get(string name) =>
        TryGet(name, out var backend)
            ? backend
            : throw new UnknownBackendException($"Unknown backend \"{name}\"; known backends: {string.Join(", ", Names)}.");

    private static BackendSettings Resolve(ISolverBackend solver, BackendsOptions options)
    {
        var family = BackendFamilies.Of(solver);
        var own = options.Backends.GetValueOrDefault(solver.Name);
        var configuredFamily = options.Families.GetValueOrDefault(family);
        var seed = BackendFamilyDefaults.For(family);
        T? Pick<T>(Func<BackendOptions, T?> member) where T : struct =>
            (own is null ? null : member(own)) ?? (configuredFamily is null ? null : member(configuredFamily)) ?? member(seed);
        string? PickText(Func<BackendOptions, string?> member) =>
            (own is null ? null : member(own)) ?? (configuredFamily is null ? null : member(configuredFamily)) ?? member(seed);

        var capabilities = solver.Capabilities;
        return new BackendSettings
        {
            Name = solver.Name,
            Family = family,
            Enabled = Pick(static o => o.Enabled) ?? true,
            Weight = Pick(static o => o.Weight) ?? 1.0,
            MaxProblemSize = Smaller(Pick(static o => o.MaxProblemSize), capabilities.MaxVariables),
            // Only backends that allocate qubits are qubit-limited; annealers sample classically and are limited
            // by max_problem_size instead.
            MaxQubits = capabilities.MaxQubits is { } ownQubits ? Smaller(Pick(static o => o.MaxQubits), ownQubits) : null,
            Provider = PickText(static o => o.Provider),
            QueueTimeout = Pick(static o => o.QueueTimeout),
        };
    }

    private static int? Smaller(int? configured, int? own) =>
        configured is { } a && own is { } b ? Math.Min(a, b) : configured ?? own;
}

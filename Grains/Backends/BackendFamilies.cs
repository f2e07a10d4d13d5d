using QuantumScheduler.Solvers.Backends;

namespace QuantumScheduler.Grains.Backends;

/// <summary>
/// The families of the seed's <c>backends:</c> section, which give every backend in them their defaults, and the
/// family of each backend of the solver registry.
/// </summary>
public static class BackendFamilies
{
    public const string Classical = "classical";
    public const string QuantumSimulator = "quantum_simulator";
    public const string Hybrid = "hybrid";
    public const string QuantumHardware = "quantum_hardware";

    /// <summary>Every family, in the order operators read them.</summary>
    public static IReadOnlyList<string> All { get; } = [Classical, QuantumSimulator, Hybrid, QuantumHardware];

    private static readonly Dictionary<string, string> s_byBackend = new(StringComparer.OrdinalIgnoreCase)
    {
        ["classical-mip"] = Classical,
        ["classical-tabu"] = Classical,
        ["qaoa"] = QuantumSimulator,
        ["annealing"] = QuantumSimulator,
        ["annealing-sqa"] = QuantumSimulator,
        ["hybrid"] = Hybrid,
        ["hybrid-qaoa"] = Hybrid,
        ["quantum-hardware"] = QuantumHardware,
    };

    /// <summary>The registry's own classical backends, by name (what a classical baseline may name).</summary>
    public static IReadOnlyList<string> ClassicalBackendNames { get; } =
        s_byBackend.Where(static pair => pair.Value == Classical).Select(static pair => pair.Key).ToArray();

    /// <summary>The family of <paramref name="backend"/>. Backends the registry gained later (a provider's, a test's)
    /// count as quantum simulators when they are qubit-limited and as classical otherwise.</summary>
    public static string Of(ISolverBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return s_byBackend.TryGetValue(backend.Name, out var family)
            ? family
            : backend.Capabilities.MaxQubits is null ? Classical : QuantumSimulator;
    }

    public static bool IsFamily(string name) => All.Contains(name, StringComparer.OrdinalIgnoreCase);
}

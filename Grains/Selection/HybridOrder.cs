using QuantumScheduler.Grains.Backends;

namespace QuantumScheduler.Grains.Selection;

/// <summary>
/// The <c>hybrid</c> rule, which the learning strategies also fall back on. Backends are ranked by tier, then by
/// configured weight (higher first), then in the registry's order:
/// <list type="bullet">
/// <item>small problems (≤ 100 task-agent variables): exact classical (MIP proves optimality there in well under a
/// second) → classical heuristics (tabu) → hybrid → quantum simulators → quantum hardware;</item>
/// <item>larger problems: classical heuristics (tabu scales and returns good schedules at its time limit) → hybrid →
/// exact classical (still a fallback: it returns its best incumbent at the time limit) → quantum simulators →
/// quantum hardware.</item>
/// </list>
/// Quantum and hybrid backends are tried only when they fit (the filter has already removed those that do not).
/// </summary>
public static class HybridOrder
{
    public static IReadOnlyList<BackendCandidate> Order(IEnumerable<BackendCandidate> candidates, int problemSize)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var small = ProblemSizeClass.Of(problemSize) == ProblemSizeClass.Small;
        return candidates
            .OrderBy(candidate => Tier(candidate.Backend, small))
            .ThenByDescending(static candidate => candidate.Backend.Settings.Weight)
            .ToList();
    }

    private static int Tier(CatalogBackend backend, bool small)
    {
        var exact = backend.Solver.Capabilities.ProvidesBound;
        return backend.Settings.Family switch
        {
            BackendFamilies.Classical when exact => small ? 0 : 2,
            BackendFamilies.Classical => small ? 1 : 0,
            BackendFamilies.Hybrid => small ? 2 : 1,
            BackendFamilies.QuantumSimulator => 3,
            _ => 4,
        };
    }
}

using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Placement;

internal static class PlacementGuard
{
    /// <summary>The compatible silos, or a clear error when there are none.</summary>
    public static IReadOnlyList<SiloAddress> Compatible(PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        return compatible.Count != 0
            ? compatible
            : throw new InvalidOperationException($"No active silo can host grain {target.GrainId} ({target.GrainClass.GrainClass.FullName}).");
    }
}

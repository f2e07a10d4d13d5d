using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Placement;

/// <summary>Places on the calling silo when it can host the grain, otherwise on the first compatible silo.</summary>
public sealed class PreferLocalPlacementDirector : IPlacementDirector
{
    public SiloAddress Place(PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (compatible.Contains(context.LocalSilo))
            return context.LocalSilo;
        if (compatible.Count == 0)
            throw new InvalidOperationException($"No active silo can host grain {target.GrainId}.");
        return compatible[0];
    }
}

using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Placement;

/// <summary>Places on the calling silo when it can host the grain, otherwise on a random compatible silo.</summary>
public sealed class PreferLocalPlacementDirector : IPlacementDirector
{
    public SiloAddress Place(PlacementTarget target, IPlacementContext context)
    {
        var compatible = PlacementGuard.Compatible(target, context);
        return compatible.Contains(context.LocalSilo) ? context.LocalSilo : compatible[Random.Shared.Next(compatible.Count)];
    }
}

using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Placement;

/// <summary>Places on a compatible silo chosen uniformly at random (Orleans' default strategy).</summary>
public sealed class RandomPlacementDirector : IPlacementDirector
{
    public SiloAddress Place(PlacementTarget target, IPlacementContext context)
    {
        var compatible = PlacementGuard.Compatible(target, context);
        return compatible[Random.Shared.Next(compatible.Count)];
    }
}

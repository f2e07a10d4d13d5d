using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Placement;

/// <summary>Chooses the silo on which a grain without an activation is activated.</summary>
public interface IPlacementDirector
{
    SiloAddress Place(PlacementTarget target, IPlacementContext context);
}

/// <summary>What a placement director may consult.</summary>
public interface IPlacementContext
{
    SiloAddress LocalSilo { get; }

    /// <summary>Active silos that can host <paramref name="target"/>'s grain class.</summary>
    IReadOnlyList<SiloAddress> GetCompatibleSilos(PlacementTarget target);
}

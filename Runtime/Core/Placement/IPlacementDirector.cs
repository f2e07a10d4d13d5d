using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Placement;

/// <summary>
/// Chooses the silo on which a grain without an activation is activated. Directors are registered as keyed singletons
/// under their strategy name (<see cref="Configuration.PlacementStrategies"/>); a grain class picks one with a placement
/// attribute, e.g. <c>[HashBasedPlacement]</c>.
/// </summary>
public interface IPlacementDirector
{
    SiloAddress Place(PlacementTarget target, IPlacementContext context);
}

/// <summary>What a placement director may consult.</summary>
public interface IPlacementContext
{
    SiloAddress LocalSilo { get; }

    /// <summary>Active silos that can host <paramref name="target"/>'s grain class, in a stable order; never empty
    /// while this silo is active (it is one of them).</summary>
    IReadOnlyList<SiloAddress> GetCompatibleSilos(PlacementTarget target);

    /// <summary>The silo's activation count as last published (plus placements made here since), or null if unknown.</summary>
    int? GetActivationCount(SiloAddress silo);
}

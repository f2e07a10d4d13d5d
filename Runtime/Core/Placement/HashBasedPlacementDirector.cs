using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Placement;

/// <summary>Places by the grain id's process-independent hash over the compatible silos (in their stable order), so
/// every silo that sees the same membership picks the same silo for a grain.</summary>
public sealed class HashBasedPlacementDirector : IPlacementDirector
{
    public SiloAddress Place(PlacementTarget target, IPlacementContext context)
    {
        var compatible = PlacementGuard.Compatible(target, context);
        return compatible[(int)(target.GrainId.GetUniformHashCode() % (uint)compatible.Count)];
    }
}

using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Placement;

/// <summary>Places on the compatible silo with the fewest activations (silos publish their count every
/// <c>QuantumScheduler:Transport:StatisticsPeriod</c>); a silo that has not reported yet counts as empty, and ties go to
/// the local silo, then to a random one.</summary>
public sealed class ResourceOptimizedPlacementDirector : IPlacementDirector
{
    public SiloAddress Place(PlacementTarget target, IPlacementContext context)
    {
        var compatible = PlacementGuard.Compatible(target, context);
        SiloAddress? best = null;
        var bestLoad = long.MaxValue;
        var ties = 0;
        foreach (var silo in compatible)
        {
            var load = context.GetActivationCount(silo) ?? 0;
            if (load < bestLoad || (load == bestLoad && silo == context.LocalSilo))
            {
                best = silo;
                bestLoad = load;
                ties = 1;
            }
            else if (load == bestLoad && best != context.LocalSilo && Random.Shared.Next(++ties) == 0)
            {
                best = silo;
            }
        }
        return best!;
    }
}

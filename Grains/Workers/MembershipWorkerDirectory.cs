using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;

namespace QuantumScheduler.Grains.Workers;

/// <summary>
/// The workers are the silos: in a cluster, every active silo of the membership view (<see cref="IClusterMembershipView"/>,
/// when one is registered) has a worker named after it; a lone silo has just its own. The worker grain for a silo must
/// be placed on that silo, which the single-silo runtime does by preferring local placement.
/// </summary>
public sealed class MembershipWorkerDirectory(LocalSilo localSilo, IServiceProvider services) : IWorkerDirectory
{
    private readonly IClusterMembershipView? _membership = services.GetService<IClusterMembershipView>();

    public IReadOnlyList<string> GetWorkerIds()
    {
        var active = _membership?.Current.Members
            .Where(static member => member.Status == SiloStatus.Active)
            .Select(static member => member.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        return active is { Count: > 0 } ? active : [localSilo.Name];
    }
}

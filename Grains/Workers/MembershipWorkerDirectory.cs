using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Grains.Autoscaling.Load;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;

namespace QuantumScheduler.Grains.Workers;

/// <summary>
/// The workers are the silos: in a cluster, every active silo of the membership view (<see cref="IClusterMembershipView"/>,
/// when one is registered) has a worker named after it; a lone silo has just its own. The worker grain for a silo must
/// be placed on that silo, which the single-silo runtime does by preferring local placement. It is also the autoscaler's
/// roster, so jobs and the autoscaler see the same workers.
/// </summary>
public sealed class MembershipWorkerDirectory(LocalSilo localSilo, IServiceProvider services) : IWorkerDirectory, IWorkerRoster
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

    /// <summary>The roster of the one cluster this silo belongs to (the name is not needed to find it).</summary>
    public Task<IReadOnlyList<string>> GetWorkerIdsAsync(string cluster, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetWorkerIds());
}

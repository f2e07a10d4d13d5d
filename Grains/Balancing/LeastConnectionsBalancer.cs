using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Balancing;

/// <summary><c>least_connections</c>: the eligible worker with the fewest solves running or queued; on a tie the one
/// with more free solve slots, then the first in the list.</summary>
public sealed class LeastConnectionsBalancer(int maxQueueLength) : WorkerBalancer(maxQueueLength)
{
    public override string Name => WorkerBalancerNames.LeastConnections;

    protected override string Choose(IReadOnlyList<WorkerLoad> workers, Func<WorkerLoad, bool> eligible) =>
        workers.Where(eligible)
            .OrderBy(static w => w.Running + w.Queued)
            .ThenByDescending(static w => w.MaxWorkers - w.Running)
            .First().WorkerId;
}

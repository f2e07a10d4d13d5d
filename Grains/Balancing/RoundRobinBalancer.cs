using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Balancing;

/// <summary><c>round_robin</c>: each choice goes to the next position of the list after the previous choice, skipping
/// ineligible workers.</summary>
public sealed class RoundRobinBalancer(int maxQueueLength) : WorkerBalancer(maxQueueLength)
{
    private readonly Lock _lock = new();
    private int _next;

    public override string Name => WorkerBalancerNames.RoundRobin;

    protected override string Choose(IReadOnlyList<WorkerLoad> workers, Func<WorkerLoad, bool> eligible)
    {
        lock (_lock)
        {
            for (var step = 0; ; step++)
            {
                var index = (_next + step) % workers.Count;
                if (!eligible(workers[index]))
                    continue;
                _next = (index + 1) % workers.Count;
                return workers[index].WorkerId;
            }
        }
    }
}

using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Balancing;

/// <summary>
/// What every balancer shares: a worker is eligible when it is healthy and has room, i.e. a free solve slot
/// (<c>Running &lt; MaxWorkers</c>) or a free queue place (<c>Queued &lt; maxQueueLength</c>, the scheduler's
/// <c>MaxQueueLength</c>). Ineligible workers are skipped; none eligible gives null.
/// </summary>
public abstract class WorkerBalancer(int maxQueueLength) : IWorkerBalancer
{
    public abstract string Name { get; }

    public string? Choose(IReadOnlyList<WorkerLoad> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        return workers.Any(IsEligible) ? Choose(workers, IsEligible) : null;
    }

    /// <summary>Chooses among <paramref name="workers"/> one that <paramref name="eligible"/> accepts (at least one does).</summary>
    protected abstract string Choose(IReadOnlyList<WorkerLoad> workers, Func<WorkerLoad, bool> eligible);

    public bool IsEligible(WorkerLoad worker) =>
        worker.Healthy && (worker.Running < worker.MaxWorkers || worker.Queued < maxQueueLength);
}

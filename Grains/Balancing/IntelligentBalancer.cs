using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Balancing;

/// <summary>
/// <c>intelligent</c>: a multi-factor score, highest chosen (the first on a tie):
/// 0.5 × load + 0.2 × latency + 0.2 × health + 0.1 × cpu, where load = 1 ÷ (1 + (running + queued) ÷ max_workers),
/// latency = the fastest p95 among the eligible workers ÷ this worker's p95 (1 when unknown), health = 1 − error
/// rate, cpu = 1 − CPU utilisation.
/// </summary>
public sealed class IntelligentBalancer(int maxQueueLength) : WorkerBalancer(maxQueueLength)
{
    public const double LoadWeight = 0.5;
    public const double LatencyWeight = 0.2;
    public const double HealthWeight = 0.2;
    public const double CpuWeight = 0.1;

    public override string Name => WorkerBalancerNames.Intelligent;

    protected override string Choose(IReadOnlyList<WorkerLoad> workers, Func<WorkerLoad, bool> eligible)
    {
        var candidates = workers.Where(eligible).ToList();
        var fastest = candidates.Where(static w => w.LatencyP95Ms > 0).Select(static w => w.LatencyP95Ms!.Value).DefaultIfEmpty(0).Min();
        return candidates.OrderByDescending(w => Score(w, fastest)).First().WorkerId;
    }

    public static double Score(WorkerLoad worker, double fastestP95Ms)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var load = 1 / (1 + (double)(worker.Running + worker.Queued) / Math.Max(1, worker.MaxWorkers));
        var latency = worker.LatencyP95Ms is { } p95 && p95 > 0 && fastestP95Ms > 0 ? fastestP95Ms / p95 : 1;
        var health = 1 - Math.Clamp(worker.ErrorRate, 0, 1);
        var cpu = 1 - Math.Clamp(worker.CpuUtilization, 0, 1);
        return LoadWeight * load + LatencyWeight * latency + HealthWeight * health + CpuWeight * cpu;
    }
}

using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Autoscaling.Load;

/// <summary>Folds the worker nodes' loads into one cluster sample.</summary>
public static class LoadSampleAggregator
{
    /// <summary>
    /// Silos = workers (one per silo); queue and running solves are sums; CPU is the mean of what workers report, or
    /// <paramref name="processCpu"/> (this silo's process) when none reports any; p95 latency is the worst worker's;
    /// the error rate is the mean of the workers'.
    /// </summary>
    public static LoadSample Aggregate(IReadOnlyList<WorkerLoad> workers, double processCpu, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(workers);
        var reportedCpu = workers.Where(static worker => worker.CpuUtilization > 0).Select(static worker => worker.CpuUtilization).ToArray();
        return new LoadSample
        {
            At = at,
            Silos = Math.Max(1, workers.Count),
            QueueLength = workers.Sum(static worker => worker.Queued),
            RunningSolves = workers.Sum(static worker => worker.Running),
            CpuUtilization = reportedCpu.Length != 0 ? reportedCpu.Average() : processCpu,
            LatencyP95Ms = workers.Max(static worker => worker.LatencyP95Ms),
            ErrorRate = workers.Count == 0 ? 0 : workers.Average(static worker => worker.ErrorRate),
        };
    }
}

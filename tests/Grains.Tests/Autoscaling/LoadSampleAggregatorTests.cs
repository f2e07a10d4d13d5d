using QuantumScheduler.Grains.Autoscaling.Load;
using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Tests.Autoscaling;

public sealed class LoadSampleAggregatorTests
{
    private static WorkerLoad Worker(string id, int running, int queued, double cpu = 0, double? p95 = null, double errors = 0) => new()
    {
        WorkerId = id,
        MaxWorkers = 4,
        Running = running,
        Queued = queued,
        CpuUtilization = cpu,
        LatencyP95Ms = p95,
        ErrorRate = errors,
    };

    [Fact]
    public void Worker_loads_fold_into_one_cluster_sample()
    {
        var sample = LoadSampleAggregator.Aggregate(
            [Worker("a", 4, 10, cpu: 0.9, p95: 120, errors: 0.1), Worker("b", 2, 5, cpu: 0.5, p95: 300, errors: 0.3)],
            processCpu: 0.2, LoadReplay.Start);

        Assert.Equal((2, 15, 6), (sample.Silos, sample.QueueLength, sample.RunningSolves));
        Assert.Equal(0.7, sample.CpuUtilization, 10);
        Assert.Equal(300, sample.LatencyP95Ms);
        Assert.Equal(0.2, sample.ErrorRate, 10);
        Assert.Equal(LoadReplay.Start, sample.At);
    }

    [Fact]
    public void Without_worker_cpu_reports_the_process_cpu_is_used()
    {
        var sample = LoadSampleAggregator.Aggregate([Worker("a", 1, 0)], processCpu: 0.35, LoadReplay.Start);

        Assert.Equal(0.35, sample.CpuUtilization);
        Assert.Null(sample.LatencyP95Ms);
    }
}

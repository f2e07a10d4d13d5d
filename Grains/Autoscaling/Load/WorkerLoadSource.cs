using QuantumScheduler.Grains.Workers;
using QuantumScheduler.Runtime;

namespace QuantumScheduler.Grains.Autoscaling.Load;

/// <summary>The cluster's load from grain telemetry: every worker node's <see cref="IWorkerNodeGrain.GetLoadAsync"/>,
/// read in parallel, plus this process's CPU time.</summary>
public sealed class WorkerLoadSource(IGrainFactory grains, IWorkerRoster roster, ProcessCpuMeter cpu, TimeProvider clock) : ILoadSource
{
    public async Task<LoadSample> ReadAsync(string cluster, CancellationToken cancellationToken = default)
    {
        var workers = await roster.GetWorkerIdsAsync(cluster, cancellationToken);
        var loads = await Task.WhenAll(workers.Select(worker => grains.GetGrain<IWorkerNodeGrain>(worker).GetLoadAsync()));
        return LoadSampleAggregator.Aggregate(loads, cpu.Read(), clock.GetUtcNow());
    }
}

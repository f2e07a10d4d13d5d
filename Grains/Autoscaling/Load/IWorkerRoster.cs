namespace QuantumScheduler.Grains.Autoscaling.Load;

/// <summary>The worker nodes of a cluster (one per silo), whose loads make up the cluster's load.</summary>
public interface IWorkerRoster
{
    Task<IReadOnlyList<string>> GetWorkerIdsAsync(string cluster, CancellationToken cancellationToken = default);
}

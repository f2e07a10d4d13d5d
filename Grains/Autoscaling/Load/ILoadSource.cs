namespace QuantumScheduler.Grains.Autoscaling.Load;

/// <summary>Where the autoscaler reads a cluster's load from.</summary>
public interface ILoadSource
{
    Task<LoadSample> ReadAsync(string cluster, CancellationToken cancellationToken = default);
}

namespace QuantumScheduler.Grains.Autoscaling.Provisioning;

/// <summary>Applies the autoscaler's decisions: changes (or only records) the number of silos of a cluster.</summary>
public interface IClusterProvisioner
{
    /// <summary>The name <see cref="Configuration.AutoscalerOptions.Provisioner"/> selects it by.</summary>
    string Name { get; }

    /// <summary>The silos this provisioner knows to be running, or null when the load telemetry's count is the truth.</summary>
    int? CountSilos(string cluster);

    /// <summary>Brings the cluster from <paramref name="currentSilos"/> to <paramref name="targetSilos"/>.</summary>
    Task<ProvisioningResult> ScaleAsync(string cluster, int currentSilos, int targetSilos, CancellationToken cancellationToken = default);
}

/// <summary>What a provisioner did: <paramref name="Applied"/> when the cluster really changed.</summary>
public sealed record ProvisioningResult(bool Applied, string Detail);

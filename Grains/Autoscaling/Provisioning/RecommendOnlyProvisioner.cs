namespace QuantumScheduler.Grains.Autoscaling.Provisioning;

/// <summary>Changes nothing: decisions are recorded as recommendations for an operator (or an external scaler) to act on.</summary>
public sealed class RecommendOnlyProvisioner : IClusterProvisioner
{
    public const string ProvisionerName = "recommend-only";

    public string Name => ProvisionerName;

    public int? CountSilos(string cluster) => null;

    public Task<ProvisioningResult> ScaleAsync(string cluster, int currentSilos, int targetSilos, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ProvisioningResult(false, $"recommended {currentSilos} → {targetSilos}; recommend-only changes nothing"));
}

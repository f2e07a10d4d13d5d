using QuantumScheduler.Runtime;

namespace QuantumScheduler.ClusterTestSilo.Grains;

[GrainType("cluster-test-activation-recorder")]
public sealed class ActivationRecorderGrain(TestRecorder recorder) : Grain, IActivationRecorderGrain
{
    private long _activationRow;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _activationRow = await recorder.ActivatedAsync(this.GetPrimaryKeyString(), cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        recorder.DeactivatedAsync(_activationRow, cancellationToken);

    public Task<string> Ping() => Task.FromResult(recorder.SiloName);
}

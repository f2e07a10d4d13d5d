using QuantumScheduler.Runtime;

namespace QuantumScheduler.ClusterTestSilo.Grains;

[GrainType("cluster-test-reminded-activation-recorder")]
public sealed class RemindedActivationRecorderGrain(TestRecorder recorder) : Grain, IRemindedActivationRecorderGrain
{
    private long _activationRow;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _activationRow = await recorder.ActivatedAsync(this.GetPrimaryKeyString(), cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        recorder.DeactivatedAsync(_activationRow, cancellationToken);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        recorder.TickAsync(this.GetPrimaryKeyString(), reminderName, status.CurrentTickTime, CancellationToken.None);
}

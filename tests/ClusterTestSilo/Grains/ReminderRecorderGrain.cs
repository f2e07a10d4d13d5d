using QuantumScheduler.Runtime;

namespace QuantumScheduler.ClusterTestSilo.Grains;

[GrainType("cluster-test-reminder-recorder")]
public sealed class ReminderRecorderGrain(TestRecorder recorder) : Grain, IReminderRecorderGrain
{
    public async Task Start(string reminderName, TimeSpan period) => await RegisterOrUpdateReminder(reminderName, period, period);

    public async Task Stop(string reminderName)
    {
        if (await GetReminder(reminderName) is { } reminder)
            await UnregisterReminder(reminder);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        recorder.TickAsync(this.GetPrimaryKeyString(), reminderName, status.CurrentTickTime, CancellationToken.None);
}

namespace QuantumScheduler.Runtime.Tests.Grains;

public interface ISlowGrain : IGrainWithStringKey
{
    [ResponseTimeout("00:00:00.300")]
    Task SleepWithShortTimeout(int milliseconds);

    Task Sleep(int milliseconds);

    Task<int> Ping();
}

public sealed class SlowGrain : Grain, ISlowGrain
{
    public Task SleepWithShortTimeout(int milliseconds) => Task.Delay(milliseconds);

    public Task Sleep(int milliseconds) => Task.Delay(milliseconds);

    public Task<int> Ping() => Task.FromResult(1);
}

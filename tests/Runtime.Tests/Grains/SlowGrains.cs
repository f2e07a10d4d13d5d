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

public interface IOneWayGrain : IGrainWithStringKey
{
    [OneWay]
    Task Notify(int value);

    Task<int> GetLast();
}

public sealed class OneWayGrain : Grain, IOneWayGrain
{
    private int _last;

    public async Task Notify(int value)
    {
        await Task.Delay(200);
        _last = value;
    }

    public Task<int> GetLast() => Task.FromResult(_last);
}

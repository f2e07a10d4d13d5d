namespace QuantumScheduler.Runtime.Tests.Fixtures;

/// <summary>Waits for a condition that the runtime makes true asynchronously (a timer tick, a collection).</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The condition did not hold within the time allowed; last value: {value}");
            await Task.Delay(20);
        }
    }

    public static Task True(Func<bool> condition, TimeSpan? within = null) =>
        Get(() => Task.FromResult(condition()), static ok => ok, within);
}

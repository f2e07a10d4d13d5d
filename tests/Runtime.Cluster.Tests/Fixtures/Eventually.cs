namespace QuantumScheduler.Runtime.Cluster.Tests.Fixtures;

/// <summary>Polls a condition that other threads make true; fails with the description after a generous limit.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string description, int timeoutMilliseconds = 15_000)
    {
        var deadline = Environment.TickCount64 + timeoutMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException($"Not true within {timeoutMilliseconds} ms: {description}.");
            await Task.Delay(10);
        }
    }
}

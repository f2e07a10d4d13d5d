namespace QuantumScheduler.Runtime.Tests.Grains;

[GenerateSerializer]
public sealed record TurnStats([property: Id(0)] int MaxInFlight, [property: Id(1)] int MaxThreadsInside, [property: Id(2)] int Calls);

/// <summary>Records how many requests were in flight at once and how many threads were ever inside at once.</summary>
public interface ITurnProbeGrain : IGrainWithStringKey
{
    Task Work(int awaits);

    [ReadOnly]
    Task Read(int awaits);

    [AlwaysInterleave]
    Task Interleaved(int awaits);

    [AlwaysInterleave]
    Task<TurnStats> GetStats();
}

/// <summary>Shared probe logic for the reentrant and the non-reentrant probe grains.</summary>
public abstract class TurnProbeGrainBase : Grain
{
    private int _inFlight;
    private int _maxInFlight;
    private int _inside;
    private int _maxInside;
    private int _calls;

    public Task Work(int awaits) => Run(awaits);

    public Task Read(int awaits) => Run(awaits);

    public Task Interleaved(int awaits) => Run(awaits);

    public Task<TurnStats> GetStats() => Task.FromResult(new TurnStats(_maxInFlight, _maxInside, _calls));

    private async Task Run(int awaits)
    {
        Interlocked.Increment(ref _calls);
        Max(ref _maxInFlight, Interlocked.Increment(ref _inFlight));
        for (var i = 0; i < awaits; i++)
        {
            Segment();
            await Task.Delay(1);
        }
        Segment();
        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>One synchronous stretch: counts the threads inside and lingers so an overlap would show.</summary>
    private void Segment()
    {
        Max(ref _maxInside, Interlocked.Increment(ref _inside));
        Thread.SpinWait(2000);
        Interlocked.Decrement(ref _inside);
    }

    private static void Max(ref int location, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref location)) && Interlocked.CompareExchange(ref location, value, current) != current)
        {
        }
    }
}

public sealed class NonReentrantProbeGrain : TurnProbeGrainBase, ITurnProbeGrain;

[Reentrant]
public sealed class ReentrantProbeGrain : TurnProbeGrainBase, ITurnProbeGrain;

/// <summary>A long poll: <see cref="WaitForSignal"/> interleaves and waits for a normal call, <see cref="Signal"/>.</summary>
public interface ILongPollGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<bool> WaitForSignal(TimeSpan wait);

    Task Signal();
}

public sealed class LongPollGrain : Grain, ILongPollGrain
{
    private readonly TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<bool> WaitForSignal(TimeSpan wait)
    {
        try
        {
            await _signal.Task.WaitAsync(wait);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public Task Signal()
    {
        _signal.TrySetResult();
        return Task.CompletedTask;
    }
}

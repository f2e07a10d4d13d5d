using System.Collections.Concurrent;

namespace QuantumScheduler.Runtime.Tests.Grains;

public interface IFilteredGrain : IGrainWithStringKey
{
    Task<string> Hello(string name);
}

/// <summary>Also a filter for its own calls, which run after the silo-wide ones.</summary>
public sealed class FilteredGrain : Grain, IFilteredGrain, IIncomingGrainCallFilter
{
    public static readonly ConcurrentQueue<string> Log = new();

    public Task<string> Hello(string name)
    {
        Log.Enqueue("method");
        return Task.FromResult("hello " + name);
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        Log.Enqueue("grain");
        await context.Invoke();
    }
}

public interface IContextGrain : IGrainWithStringKey
{
    /// <summary>Reads <paramref name="key"/> here and, when <paramref name="nextKey"/> is given, in the next grain.</summary>
    Task<string> ReadAndForward(string key, string? nextKey);

    Task SetValue(string key, string value);
}

public sealed class ContextGrain : Grain, IContextGrain
{
    public async Task<string> ReadAndForward(string key, string? nextKey)
    {
        var here = RequestContext.Get(key) as string ?? "(none)";
        if (nextKey is null)
            return here;
        return here + "|" + await GrainFactory.GetGrain<IContextGrain>(nextKey).ReadAndForward(key, null);
    }

    public Task SetValue(string key, string value)
    {
        RequestContext.Set(key, value);
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using QuantumScheduler.Runtime.Hosting;

namespace QuantumScheduler.Runtime.Cluster.Tests.Grains;

public interface ILocatedGrain : IGrainWithStringKey
{
    /// <summary>The name of the silo the activation runs in.</summary>
    Task<string> GetSilo();

    Task<string> Echo(string text);

    Task<string?> GetRequestContext(string key);

    Task Fail(string message);

    /// <summary>Calls <paramref name="other"/>'s <see cref="GetSilo"/> from inside this grain.</summary>
    Task<string> CallOther(ILocatedGrain other);

    /// <summary>Calls <paramref name="other"/>'s <see cref="Echo"/> from inside this grain, counting in
    /// <see cref="LocatedGrainBase.Relays"/> how often it ran.</summary>
    Task<string> Relay(ILocatedGrain other, string text);

    Task Deactivate();
}

/// <summary>Counts its activations per key across every silo of the process, and reports where it runs.</summary>
public abstract class LocatedGrainBase(LocalSilo silo) : Grain, ILocatedGrain
{
    public static readonly ConcurrentDictionary<string, int> Activations = new();

    public static readonly ConcurrentDictionary<string, int> Relays = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Activations.AddOrUpdate(GetType().Name + "/" + this.GetPrimaryKeyString(), 1, static (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public static int ActivationsOf<TGrain>(string key) => Activations.GetValueOrDefault(typeof(TGrain).Name + "/" + key);

    public Task<string> GetSilo() => Task.FromResult(silo.Name);

    public Task<string> Echo(string text) => Task.FromResult($"{text} from {silo.Name}");

    public Task<string?> GetRequestContext(string key) => Task.FromResult(RequestContext.Get(key) as string);

    public Task Fail(string message) => throw new ArgumentException(message, "text");

    public Task<string> CallOther(ILocatedGrain other) => other.GetSilo();

    public Task<string> Relay(ILocatedGrain other, string text)
    {
        Relays.AddOrUpdate(this.GetPrimaryKeyString(), 1, static (_, count) => count + 1);
        return other.Echo(text);
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

[RandomPlacement]
public sealed class RandomGrain(LocalSilo silo) : LocatedGrainBase(silo);

[PreferLocalPlacement]
public sealed class LocalGrain(LocalSilo silo) : LocatedGrainBase(silo);

[HashBasedPlacement]
public sealed class HashedGrain(LocalSilo silo) : LocatedGrainBase(silo);

[ResourceOptimizedPlacement]
public sealed class BalancedGrain(LocalSilo silo) : LocatedGrainBase(silo);

public static class LocatedGrains
{
    /// <summary>The grain of class <typeparamref name="TGrain"/> with <paramref name="key"/> (several classes share the interface).</summary>
    public static ILocatedGrain Get<TGrain>(this IGrainFactory grains, string key) where TGrain : LocatedGrainBase =>
        grains.GetGrain<ILocatedGrain>(key, typeof(TGrain).FullName);
}

/// <summary>Its <see cref="ILocatedGrain.Echo"/> never finishes on its own (for calls that must be cut off).</summary>
[PreferLocalPlacement]
public sealed class SlowGrain(LocalSilo silo) : LocatedGrainBase(silo), ILocatedGrain
{
    public static readonly ConcurrentDictionary<string, bool> Started = new();

    async Task<string> ILocatedGrain.Echo(string text)
    {
        Started[this.GetPrimaryKeyString()] = true;
        await Task.Delay(Timeout.Infinite);
        return text;
    }
}

/// <summary>Its <see cref="ILocatedGrain.Echo"/> holds its thread without yielding (synchronous work) until the test
/// releases it, or for 30 s at most.</summary>
[PreferLocalPlacement]
public sealed class BlockingGrain(LocalSilo silo) : LocatedGrainBase(silo), ILocatedGrain
{
    public static readonly ConcurrentDictionary<string, bool> Started = new();

    public static readonly ConcurrentDictionary<string, ManualResetEventSlim> Release = new();

    Task<string> ILocatedGrain.Echo(string text)
    {
        var key = this.GetPrimaryKeyString();
        Started[key] = true;
        Release.GetOrAdd(key, static _ => new ManualResetEventSlim()).Wait(TimeSpan.FromSeconds(30));
        return Task.FromResult(text);
    }
}

public interface IFarewellGrain : IGrainWithStringKey
{
    /// <summary>Activates it; when it deactivates, it tells <paramref name="listener"/> (a grain elsewhere) goodbye.</summary>
    Task Greet(ILocatedGrain listener);
}

/// <summary>Calls another grain from <see cref="OnDeactivateAsync"/>, as grains that hand over or report when they leave.</summary>
[PreferLocalPlacement]
public sealed class FarewellGrain : Grain, IFarewellGrain
{
    public static readonly ConcurrentDictionary<string, string> Outcomes = new();

    private ILocatedGrain? _listener;

    public Task Greet(ILocatedGrain listener)
    {
        _listener = listener;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            Outcomes[this.GetPrimaryKeyString()] = await _listener!.Echo("goodbye");
        }
        catch (Exception exception)
        {
            Outcomes[this.GetPrimaryKeyString()] = "failed: " + exception.Message;
        }
    }
}

public interface IWorkerGrain : IGrainWithIntegerKey
{
    Task<string> GetSilo();
}

[StatelessWorker]
[RandomPlacement]
public sealed class WorkerGrain(LocalSilo silo) : Grain, IWorkerGrain
{
    public Task<string> GetSilo() => Task.FromResult(silo.Name);
}

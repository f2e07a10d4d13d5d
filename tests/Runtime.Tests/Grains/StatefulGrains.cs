using System.Collections.Concurrent;

namespace QuantumScheduler.Runtime.Tests.Grains;

[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }
}

public interface IStatefulGrain : IGrainWithStringKey
{
    /// <summary>The stored value as <c>OnActivateAsync</c> saw it.</summary>
    Task<int> GetValueSeenAtActivation();

    Task<int> Get();

    /// <summary>Sets the value in memory, writing it only when <paramref name="write"/>.</summary>
    Task Set(int value, bool write);

    Task<Guid> GetActivationId();

    Task Deactivate();
}

/// <summary>Writes its state when it deactivates, and reports each deactivation's reason.</summary>
public sealed class StatefulGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, IStatefulGrain
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<DeactivationReasonCode>> Deactivations = new();
    private int _seenAtActivation;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _seenAtActivation = counter.State.Value;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await counter.WriteStateAsync(cancellationToken);
        Deactivations.GetOrAdd(this.GetPrimaryKeyString(), static _ => new()).Enqueue(reason.ReasonCode);
    }

    public Task<int> GetValueSeenAtActivation() => Task.FromResult(_seenAtActivation);

    public Task<int> Get() => Task.FromResult(counter.State.Value);

    public async Task Set(int value, bool write)
    {
        counter.State.Value = value;
        if (write)
            await counter.WriteStateAsync();
    }

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

public interface IBrokenStateGrain : IGrainWithStringKey
{
    Task<int> Get();
}

/// <summary>Its state lives in a provider whose reads fail.</summary>
public sealed class BrokenStateGrain([PersistentState("counter", "Broken")] IPersistentState<CounterState> counter) : Grain, IBrokenStateGrain
{
    public static int Activations;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Activations);
        return Task.CompletedTask;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Value);
}

[KeepAlive]
public sealed class KeepAliveGrain : Grain, IKeepAliveGrain
{
    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);
}

public interface IKeepAliveGrain : IGrainWithStringKey
{
    Task<Guid> GetActivationId();
}

public interface IReminderGrain : IGrainWithStringKey
{
    Task Start(TimeSpan dueTime, TimeSpan period);

    Task<bool> HasReminder();

    Task<int> GetTicks();
}

/// <summary>Counts reminder ticks in its persisted state.</summary>
public sealed class ReminderGrain([PersistentState("ticks")] IPersistentState<CounterState> ticks) : Grain, IReminderGrain, IRemindable
{
    public const string ReminderName = "heartbeat";

    public async Task Start(TimeSpan dueTime, TimeSpan period) => await RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public async Task<bool> HasReminder() => await GetReminder(ReminderName) is not null;

    public Task<int> GetTicks() => Task.FromResult(ticks.State.Value);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.State.Value++;
        await ticks.WriteStateAsync();
    }
}

public interface ILifetimeGrain : IGrainWithStringKey
{
    Task KeepFor(TimeSpan timeSpan);

    Task<Guid> GetActivationId();
}

/// <summary>Uses the silo's collection age, and can delay its own collection.</summary>
public sealed class LifetimeGrain : Grain, ILifetimeGrain
{
    public Task KeepFor(TimeSpan timeSpan)
    {
        DelayDeactivation(timeSpan);
        return Task.CompletedTask;
    }

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);
}

/// <summary>Collected after 100 ms of idleness whatever the silo's default.</summary>
[CollectionAgeLimit("00:00:00.100")]
public sealed class ShortLivedGrain : Grain, IShortLivedGrain
{
    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);
}

public interface IShortLivedGrain : IGrainWithStringKey
{
    Task<Guid> GetActivationId();
}

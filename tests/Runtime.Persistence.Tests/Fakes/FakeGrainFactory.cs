namespace QuantumScheduler.Runtime.Persistence.Tests.Fakes;

/// <summary>
/// Stands in for the runtime's grain factory: hands out a new <see cref="IRemindable"/> reference per request, as the
/// runtime does (the call activates the grain if it was collected). Only lookups by <see cref="GrainId"/> are supported.
/// </summary>
public sealed class FakeGrainFactory(TickLog log) : IGrainFactory
{
    private int _lookups;

    /// <summary>Runs in place of the grain's handler; by default the tick is logged and completes at once.</summary>
    public Func<Tick, Task>? Handler { get; set; }

    public int Lookups => Volatile.Read(ref _lookups);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IAddressable
    {
        Interlocked.Increment(ref _lookups);
        return (TGrainInterface)(object)new RemindableGrain(grainId, this, log);
    }

    public IAddressable GetGrain(GrainId grainId, Type interfaceType) => throw KeyedLookup();

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithStringKey => throw KeyedLookup();

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithGuidKey => throw KeyedLookup();

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithIntegerKey => throw KeyedLookup();

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithGuidCompoundKey => throw KeyedLookup();

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithIntegerCompoundKey => throw KeyedLookup();

    private static NotSupportedException KeyedLookup() => new("The reminder service looks grains up by GrainId only.");

    private sealed class RemindableGrain(GrainId grainId, FakeGrainFactory owner, TickLog log) : IRemindable
    {
        public Task ReceiveReminder(string reminderName, TickStatus status)
        {
            var tick = new Tick(grainId, reminderName, status);
            log.Add(tick);
            return owner.Handler?.Invoke(tick) ?? Task.CompletedTask;
        }
    }
}

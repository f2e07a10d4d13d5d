using QuantumScheduler.Runtime;

namespace QuantumScheduler.Bench.Runtime;

/// <summary>The ping of Orleans' benchmark: an argument in, a result out, no work.</summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    ValueTask<int> Ping(int value);
}

public sealed class PingGrain : Grain, IPingGrain
{
    public ValueTask<int> Ping(int value) => ValueTask.FromResult(value + 1);
}

/// <summary>The same method behind an interface on a plain object: the floor a grain call is compared with.
/// (A class implementing a grain interface would be registered as a grain class.)</summary>
public interface IPlainPing
{
    ValueTask<int> Ping(int value);
}

public sealed class PlainPing : IPlainPing
{
    public ValueTask<int> Ping(int value) => ValueTask.FromResult(value + 1);
}

public interface IStoreGrain : IGrainWithIntegerKey
{
    /// <summary>Sets the value and writes the state to storage before answering.</summary>
    ValueTask<int> Write(int value);
}

public sealed class StoreGrain([PersistentState("value")] IPersistentState<StoredValue> state) : Grain, IStoreGrain
{
    public async ValueTask<int> Write(int value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
        return value;
    }
}

[GenerateSerializer]
public sealed class StoredValue
{
    [Id(0)]
    public int Value { get; set; }
}

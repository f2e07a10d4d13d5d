namespace QuantumScheduler.Runtime.Tests.Grains;

public interface IStringKeyGrain : IGrainWithStringKey
{
    Task<string> GetKey();

    Task<string> GetGrainIdText();
}

public interface IGuidKeyGrain : IGrainWithGuidKey
{
    Task<Guid> GetKey();
}

public interface IIntegerKeyGrain : IGrainWithIntegerKey
{
    Task<long> GetKey();
}

public interface IGuidCompoundKeyGrain : IGrainWithGuidCompoundKey
{
    Task<string> GetKey();
}

public interface IIntegerCompoundKeyGrain : IGrainWithIntegerCompoundKey
{
    Task<string> GetKey();
}

public sealed class StringKeyGrain : Grain, IStringKeyGrain
{
    public Task<string> GetKey() => Task.FromResult(this.GetPrimaryKeyString());

    public Task<string> GetGrainIdText() => Task.FromResult(GrainId.ToString());
}

public sealed class GuidKeyGrain : Grain, IGuidKeyGrain
{
    public Task<Guid> GetKey() => Task.FromResult(this.GetPrimaryKey());
}

public sealed class IntegerKeyGrain : Grain, IIntegerKeyGrain
{
    public Task<long> GetKey() => Task.FromResult(this.GetPrimaryKeyLong());
}

public sealed class GuidCompoundKeyGrain : Grain, IGuidCompoundKeyGrain
{
    public Task<string> GetKey() => Task.FromResult($"{this.GetPrimaryKey(out var extension)}|{extension}");
}

public sealed class IntegerCompoundKeyGrain : Grain, IIntegerCompoundKeyGrain
{
    public Task<string> GetKey() => Task.FromResult($"{this.GetPrimaryKeyLong(out var extension)}|{extension}");
}

public interface IBoxGrain<T> : IGrainWithStringKey
{
    Task Set(T value);

    Task<T> Get();
}

/// <summary>A grain class implementing a closed generic grain interface.</summary>
public sealed class IntBoxGrain : Grain, IBoxGrain<int>
{
    private int _value;

    public Task Set(int value)
    {
        _value = value;
        return Task.CompletedTask;
    }

    public Task<int> Get() => Task.FromResult(_value);
}

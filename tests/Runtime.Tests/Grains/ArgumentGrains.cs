namespace QuantumScheduler.Runtime.Tests.Grains;

public interface IArgumentGrain : IGrainWithStringKey
{
    Task Store(List<int> values);

    Task<List<int>> GetStored();
}

public sealed class ArgumentGrain : Grain, IArgumentGrain
{
    private List<int> _stored = [];

    public Task Store(List<int> values)
    {
        _stored = values;
        return Task.CompletedTask;
    }

    public Task<List<int>> GetStored() => Task.FromResult(_stored);
}

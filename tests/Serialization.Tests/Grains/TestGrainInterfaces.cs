namespace QuantumScheduler.Runtime.Serialization.Tests.Grains;

public interface INamedGrain : IGrainWithIntegerKey
{
    Task<string> GetName();
}

[Alias("calculator")]
public interface ICalculatorGrain : INamedGrain, IRemindable
{
    Task<int> Add(int a, int b);

    Task<int> Add(long a, long b);

    Task<List<Person>> Mutate(List<Person> people);

    ValueTask<string> Wait(string label, CancellationToken cancellationToken);

    ValueTask Nothing();

    Task Fail(string message);

    [ReadOnly]
    Task<int> Peek();

    [AlwaysInterleave, ResponseTimeout("00:00:05")]
    ValueTask<Point> Interleaved(Point point);

    [OneWay]
    Task Fire(int value);

    Task<INamedGrain?> Echo(INamedGrain? other);

    Task<Shape> Largest(IReadOnlyList<Shape> shapes);

    Task<List<Priority>> Priorities(Priority minimum);
}

/// <summary>Two interfaces of one grain declaring the same method.</summary>
public interface IOtherNamedGrain : IGrainWithIntegerKey
{
    Task<string> GetName();
}

public interface IBothNamedGrain : INamedGrain, IOtherNamedGrain;

public interface IRepositoryGrain<T> : IGrainWithStringKey where T : notnull
{
    Task Put(string key, T value);

    Task<T?> Get(string key);

    ValueTask<IReadOnlyList<T>> All(CancellationToken cancellationToken);
}

/// <summary>A generic interface inheriting a generic and a non-generic grain interface.</summary>
public interface INamedRepositoryGrain<T> : IRepositoryGrain<T>, INamedGrain where T : notnull;

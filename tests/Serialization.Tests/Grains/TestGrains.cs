namespace QuantumScheduler.Runtime.Serialization.Tests.Grains;

/// <summary>A placement attribute as a placement package would declare it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PreferLocalPlacementAttribute : Attribute;

public interface IClock
{
    DateTime Now { get; }
}

[GenerateSerializer]
public sealed class CalculatorState
{
    [Id(0)] public int Total { get; set; }
}

[Reentrant, StatelessWorker(4), KeepAlive, CollectionAgeLimit("00:05:00"), PreferLocalPlacement]
public sealed class CalculatorGrain : ICalculatorGrain
{
    public CalculatorGrain()
    {
        State = null!;
        Clock = null!;
        Context = null!;
    }

    public CalculatorGrain(IGrainContext context, [PersistentState("totals", "store")] IPersistentState<CalculatorState> state, IClock clock)
    {
        Context = context;
        State = state;
        Clock = clock;
    }

    public IGrainContext Context { get; }

    public IPersistentState<CalculatorState> State { get; }

    public IClock Clock { get; }

    public List<Person>? Received { get; private set; }

    public List<int> Fired { get; } = [];

    public CancellationToken LastToken { get; private set; }

    public Task<string> GetName() => Task.FromResult("calculator");

    public Task<int> Add(int a, int b) => Task.FromResult(a + b);

    public Task<int> Add(long a, long b) => Task.FromResult((int)(a + b) * 1000);

    public Task<List<Person>> Mutate(List<Person> people)
    {
        Received = people;
        foreach (var person in people)
            person.Age++;
        return Task.FromResult(people);
    }

    public async ValueTask<string> Wait(string label, CancellationToken cancellationToken)
    {
        LastToken = cancellationToken;
        await Task.Yield();
        return label + "!";
    }

    public ValueTask Nothing() => ValueTask.CompletedTask;

    public async Task Fail(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public Task<int> Peek() => Task.FromResult(7);

    public ValueTask<Point> Interleaved(Point point) => ValueTask.FromResult(point with { X = point.X + 1 });

    public Task Fire(int value)
    {
        Fired.Add(value);
        return Task.CompletedTask;
    }

    public Task<INamedGrain?> Echo(INamedGrain? other) => Task.FromResult(other);

    public Task<Shape> Largest(IReadOnlyList<Shape> shapes) => Task.FromResult(shapes.OrderByDescending(s => s is Circle c ? c.Radius : 0).First());

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    public Task<List<Priority>> Priorities(Priority minimum) => Task.FromResult(new List<Priority> { minimum, Priority.High });
}

[GrainType("pinned-name")]
public sealed class PinnedGrain : INamedGrain
{
    public Task<string> GetName() => Task.FromResult("pinned");
}

public sealed class FriendGrain : IBothNamedGrain
{
    Task<string> INamedGrain.GetName() => Task.FromResult("named");

    Task<string> IOtherNamedGrain.GetName() => Task.FromResult("other");
}

public sealed class Grain : IGrainWithStringKey;

public sealed class PointRepositoryGrain : INamedRepositoryGrain<Point>
{
    private readonly Dictionary<string, Point> _points = new();

    public Task Put(string key, Point value)
    {
        _points[key] = value;
        return Task.CompletedTask;
    }

    public Task<Point?> Get(string key) => Task.FromResult(_points.GetValueOrDefault(key));

    public ValueTask<IReadOnlyList<Point>> All(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<Point>>(_points.Values.ToList());

    public Task<string> GetName() => Task.FromResult("points");
}

using QuantumScheduler.Runtime.Manifest;
using Xunit;

namespace QuantumScheduler.Runtime.Serialization.Tests.Grains;

public class GrainClassDescriptorTests
{
    private static GrainClassDescriptor Descriptor<T>()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(T).Module.ModuleHandle);
        return Assert.Single(GeneratedCodeManifest.GetGrainClasses(), d => d.GrainClass == typeof(T));
    }

    [Fact]
    public void Attributes_of_the_class_are_described()
    {
        var descriptor = Descriptor<CalculatorGrain>();

        Assert.Equal("calculator", descriptor.GrainType);
        Assert.True(descriptor.IsReentrant);
        Assert.Equal(4, descriptor.StatelessWorkerMaxLocal);
        Assert.True(descriptor.KeepAlive);
        Assert.Equal(TimeSpan.FromMinutes(5), descriptor.CollectionAge);
        Assert.Equal("PreferLocal", descriptor.Placement);
        Assert.Equal(
            new[] { typeof(ICalculatorGrain), typeof(INamedGrain), typeof(IRemindable) }.OrderBy(t => t.Name),
            descriptor.Interfaces.OrderBy(t => t.Name));
    }

    [Fact]
    public void Defaults_and_type_name_rules()
    {
        var pinned = Descriptor<PinnedGrain>();
        var friend = Descriptor<FriendGrain>();
        var bare = Descriptor<Grain>();

        Assert.Equal("pinned-name", pinned.GrainType);
        Assert.Equal("friend", friend.GrainType);
        Assert.Equal("grain", bare.GrainType);
        Assert.Empty(bare.Interfaces);
        Assert.False(pinned.IsReentrant);
        Assert.Null(pinned.StatelessWorkerMaxLocal);
        Assert.False(pinned.KeepAlive);
        Assert.Null(pinned.CollectionAge);
        Assert.Null(pinned.Placement);
        Assert.Equal(3, friend.Interfaces.Count);
    }

    [Fact]
    public void Create_uses_the_largest_constructor_and_resolves_its_parameters()
    {
        var clock = new FixedClock();
        var stateFactory = new RecordingStateFactory();
        var context = new TestGrainContext(new Services { [typeof(IClock)] = clock, [typeof(IPersistentStateFactory)] = stateFactory });

        var grain = Assert.IsType<CalculatorGrain>(Descriptor<CalculatorGrain>().Create(context));

        Assert.Same(context, grain.Context);
        Assert.Same(clock, grain.Clock);
        Assert.Same(stateFactory.Created, grain.State);
        Assert.Equal(("totals", "store", typeof(CalculatorState)), (stateFactory.StateName, stateFactory.StorageName, stateFactory.StateType));
        Assert.Same(context, stateFactory.Context);
    }

    [Fact]
    public void Missing_services_fail_with_the_service_name()
    {
        var context = new TestGrainContext(new Services());

        var error = Assert.Throws<InvalidOperationException>(() => Descriptor<CalculatorGrain>().Create(context));

        Assert.Contains(nameof(IPersistentStateFactory), error.Message);
    }

    private sealed class Services : Dictionary<Type, object>, IServiceProvider
    {
        public object? GetService(Type serviceType) => TryGetValue(serviceType, out var service) ? service : null;
    }

    private sealed class FixedClock : IClock
    {
        public DateTime Now => new(2024, 1, 1);
    }

    private sealed class TestGrainContext(IServiceProvider services) : IGrainContext
    {
        public GrainId GrainId => new("calculator", "1");
        public Guid ActivationId { get; } = Guid.NewGuid();
        public object? GrainInstance => null;
        public IServiceProvider ActivationServices => services;
        public void Subscribe(IActivationLifecycleParticipant participant) { }
    }

    private sealed class RecordingStateFactory : IPersistentStateFactory
    {
        public object? Created { get; private set; }
        public IGrainContext? Context { get; private set; }
        public string? StateName { get; private set; }
        public string? StorageName { get; private set; }
        public Type? StateType { get; private set; }

        public IPersistentState<TState> Create<TState>(IGrainContext context, string stateName, string? storageName)
        {
            (Context, StateName, StorageName, StateType) = (context, stateName, storageName, typeof(TState));
            var state = new InMemoryState<TState>();
            Created = state;
            return state;
        }
    }

    private sealed class InMemoryState<TState> : IPersistentState<TState>
    {
        public TState State { get; set; } = default!;
        public string? Etag => null;
        public bool RecordExists => false;
        public Task ReadStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task WriteStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task ClearStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

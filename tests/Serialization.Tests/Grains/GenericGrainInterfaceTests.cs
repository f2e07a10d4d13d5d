using QuantumScheduler.Runtime.Invocation;
using Xunit;

namespace QuantumScheduler.Runtime.Serialization.Tests.Grains;

public class GenericGrainInterfaceTests
{
    private static readonly GrainId RepositoryId = new("pointrepository", "main");
    private readonly LocalGrainRuntime _runtime = new();

    public GenericGrainInterfaceTests() => _runtime.Add(RepositoryId, new PointRepositoryGrain());

    [Fact]
    public async Task Calls_through_a_proxy_of_a_constructed_generic_interface()
    {
        var repository = _runtime.GetGrain<IRepositoryGrain<Point>>(RepositoryId);

        await repository.Put("a", new Point(1, 2));

        Assert.Equal(new Point(1, 2), await repository.Get("a"));
        Assert.Null(await repository.Get("missing"));
        Assert.Equal([new Point(1, 2)], await repository.All(CancellationToken.None));
        Assert.Equal(typeof(IRepositoryGrain<Point>), ((GrainReference)repository).InterfaceType);
    }

    [Fact]
    public async Task Inherited_methods_of_a_generic_interface_dispatch()
    {
        var named = _runtime.GetGrain<INamedRepositoryGrain<Point>>(RepositoryId);

        await named.Put("b", new Point(3, 4));

        Assert.Equal("points", await named.GetName());
        Assert.Equal(new Point(3, 4), await named.Get("b"));
        Assert.Equal(typeof(IRepositoryGrain<Point>), _runtime.Received[^1].InterfaceType);
    }

    [Fact]
    public void References_to_generic_interfaces_travel_with_their_type_arguments()
    {
        var repository = _runtime.GetGrain<IRepositoryGrain<Point>>(RepositoryId);

        var copy = _runtime.Serializer.RoundTrip<object>(repository);

        Assert.Equal(typeof(IRepositoryGrain<Point>), Assert.IsAssignableFrom<GrainReference>(copy).InterfaceType);
        Assert.Equal<object>(repository, copy);
    }

    [Fact]
    public void Descriptor_lists_the_constructed_interfaces()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(PointRepositoryGrain).Module.ModuleHandle);
        var descriptor = Assert.Single(Manifest.GeneratedCodeManifest.GetGrainClasses(), d => d.GrainClass == typeof(PointRepositoryGrain));

        Assert.Equal("pointrepository", descriptor.GrainType);
        Assert.Contains(typeof(IRepositoryGrain<Point>), descriptor.Interfaces);
        Assert.Contains(typeof(INamedRepositoryGrain<Point>), descriptor.Interfaces);
    }
}

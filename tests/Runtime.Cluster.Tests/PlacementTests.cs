using QuantumScheduler.Runtime.Cluster.Tests.Fixtures;
using QuantumScheduler.Runtime.Cluster.Tests.Grains;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Manifest;
using QuantumScheduler.Runtime.Placement;
using Xunit;

namespace QuantumScheduler.Runtime.Cluster.Tests;

public sealed class PlacementTests
{
    private static readonly SiloAddress Local = new("127.0.0.1", 11111, 7);
    private static readonly SiloAddress Second = new("127.0.0.1", 11112, 7);
    private static readonly SiloAddress Third = new("127.0.0.1", 11113, 7);

    [Theory]
    [InlineData(typeof(RandomGrain), PlacementStrategies.Random)]
    [InlineData(typeof(LocalGrain), PlacementStrategies.PreferLocal)]
    [InlineData(typeof(HashedGrain), PlacementStrategies.HashBased)]
    [InlineData(typeof(BalancedGrain), PlacementStrategies.ResourceOptimized)]
    public void The_code_generator_records_the_placement_attribute_of_a_grain_class(Type grainClass, string strategy) =>
        Assert.Equal(strategy, Descriptor(grainClass).Placement);

    [Fact]
    public void Prefer_local_places_on_the_calling_silo_when_it_is_compatible()
    {
        var director = new PreferLocalPlacementDirector();
        Assert.Equal(Local, director.Place(Target("a"), new FakeContext([Second, Local, Third])));
        Assert.Contains(director.Place(Target("a"), new FakeContext([Second, Third])), new[] { Second, Third });
    }

    [Fact]
    public void Hash_based_placement_picks_the_same_silo_for_a_grain_whichever_silo_asks()
    {
        var director = new HashBasedPlacementDirector();
        var silos = new[] { Local, Second, Third };
        var chosen = Enumerable.Range(0, 300).Select(i => director.Place(Target($"key-{i}"), new FakeContext(silos))).ToArray();
        var fromElsewhere = Enumerable.Range(0, 300).Select(i => director.Place(Target($"key-{i}"), new FakeContext(silos, local: Third))).ToArray();

        Assert.Equal(chosen, fromElsewhere);
        Assert.Equal(3, chosen.Distinct().Count());
    }

    [Fact]
    public void Resource_optimized_placement_picks_the_silo_with_the_fewest_activations()
    {
        var director = new ResourceOptimizedPlacementDirector();
        var loads = new Dictionary<SiloAddress, int> { [Local] = 50, [Second] = 3, [Third] = 20 };
        Assert.Equal(Second, director.Place(Target("a"), new FakeContext([Local, Second, Third], loads)));

        loads[Second] = 50;
        Assert.Equal(Local, director.Place(Target("a"), new FakeContext([Second, Local, Third], new() { [Local] = 20, [Second] = 20, [Third] = 20 })));
    }

    [Fact]
    public void Random_placement_spreads_over_every_compatible_silo()
    {
        var director = new RandomPlacementDirector();
        var chosen = Enumerable.Range(0, 300).Select(i => director.Place(Target($"key-{i}"), new FakeContext([Local, Second, Third]))).ToHashSet();
        Assert.Equal(3, chosen.Count);
    }

    [Fact]
    public void Placement_without_a_compatible_silo_fails_naming_the_grain()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new RandomPlacementDirector().Place(Target("lonely"), new FakeContext([])));
        Assert.Contains("random/lonely", failure.Message);
    }

    [Fact]
    public async Task Resource_optimized_grains_spread_over_the_silos_of_a_cluster()
    {
        await using var cluster = await InProcessCluster.StartAsync(2);
        var silos = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => cluster.Silos[0].Client.Get<BalancedGrain>(Guid.NewGuid().ToString()).GetSilo()));

        // Counting its own placements, the caller alternates between the two empty silos.
        Assert.InRange(silos.Count(silo => silo == cluster.Silos[1].Name), 15, 25);
    }

    [Fact]
    public async Task Stateless_workers_always_run_in_the_calling_silo()
    {
        await using var cluster = await InProcessCluster.StartAsync(2);
        foreach (var silo in cluster.Silos)
            Assert.Equal(silo.Name, await silo.Client.GetGrain<IWorkerGrain>(0).GetSilo());
    }

    private static GrainClassDescriptor Descriptor(Type grainClass) =>
        GeneratedCodeManifest.GetGrainClasses().Single(descriptor => descriptor.GrainClass == grainClass);

    private static PlacementTarget Target(string key) => new(new GrainId("random", key), Descriptor(typeof(RandomGrain)));

    private sealed class FakeContext(IReadOnlyList<SiloAddress> silos, Dictionary<SiloAddress, int>? loads = null, SiloAddress? local = null) : IPlacementContext
    {
        public SiloAddress LocalSilo { get; } = local ?? Local;

        public IReadOnlyList<SiloAddress> GetCompatibleSilos(PlacementTarget target) => silos;

        public int? GetActivationCount(SiloAddress silo) => loads is not null && loads.TryGetValue(silo, out var load) ? load : null;
    }
}

using QuantumScheduler.ClusterTestSilo.Grains;
using QuantumScheduler.Runtime.Client.Messaging;
using QuantumScheduler.Runtime.Gateway;

namespace QuantumScheduler.Cluster.Tests.Client;

/// <summary>How the client turns a grain interface into a grain type from the manifest its gateway sent.</summary>
public sealed class ClusterManifestTests
{
    private static readonly string CounterInterface = typeof(ICounterGrain).FullName!;

    [Fact]
    public void The_only_class_implementing_the_interface_gives_the_grain_type()
    {
        var manifest = new ClusterManifest();
        manifest.Update([new GrainManifestEntry("counter", "App.CounterGrain", [CounterInterface]), new GrainManifestEntry("other", "App.Other", ["App.IOther"])]);

        Assert.Equal("counter", manifest.ResolveGrainType(typeof(ICounterGrain), null));
    }

    [Fact]
    public void Several_classes_need_a_prefix_and_the_error_lists_them()
    {
        var manifest = new ClusterManifest();
        manifest.Update([new GrainManifestEntry("fast", "App.Fast.Counter", [CounterInterface]), new GrainManifestEntry("slow", "App.Slow.Counter", [CounterInterface])]);

        var error = Assert.Throws<ArgumentException>(() => manifest.ResolveGrainType(typeof(ICounterGrain), null));

        Assert.Contains("App.Fast.Counter, App.Slow.Counter", error.Message);
        Assert.Equal("slow", manifest.ResolveGrainType(typeof(ICounterGrain), "App.Slow"));
    }

    [Fact]
    public void Before_a_manifest_arrives_the_error_says_the_client_is_not_connected()
    {
        var error = Assert.Throws<ArgumentException>(() => new ClusterManifest().ResolveGrainType(typeof(ICounterGrain), null));

        Assert.Contains(CounterInterface, error.Message);
        Assert.Contains("is it connected?", error.Message);
    }
}

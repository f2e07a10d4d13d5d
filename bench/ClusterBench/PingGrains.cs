using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Placement;

namespace QuantumScheduler.Bench.Cluster;

/// <summary>The ping of Orleans' benchmark (as in RuntimeBench): an argument in, a result out, no work.</summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    ValueTask<int> Ping(int value);
}

/// <summary>Activated on the calling silo: the local call.</summary>
[PreferLocalPlacement]
public sealed class LocalPingGrain : Grain, IPingGrain
{
    public ValueTask<int> Ping(int value) => ValueTask.FromResult(value + 1);
}

/// <summary>Activated on another silo than the caller's: the cross-silo call.</summary>
[RemotePlacement]
public sealed class RemotePingGrain : Grain, IPingGrain
{
    public ValueTask<int> Ping(int value) => ValueTask.FromResult(value + 1);
}

/// <summary>Places on the first active silo other than the calling one (the benchmark's own strategy, "Remote").</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RemotePlacementAttribute : Attribute;

public sealed class RemotePlacementDirector : IPlacementDirector
{
    public const string Strategy = "Remote";

    public SiloAddress Place(PlacementTarget target, IPlacementContext context) =>
        context.GetCompatibleSilos(target).FirstOrDefault(silo => silo != context.LocalSilo)
        ?? throw new InvalidOperationException($"No other silo is active to host {target.GrainId}.");
}

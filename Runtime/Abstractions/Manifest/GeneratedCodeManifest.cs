using System.Collections.Concurrent;
using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Manifest;

/// <summary>
/// The process-wide registry that generated code fills from module initializers: proxy factories per
/// grain interface and grain class descriptors. Lookups on the call path are dictionary reads.
/// </summary>
public static class GeneratedCodeManifest
{
    private static readonly ConcurrentDictionary<Type, Func<GrainId, IGrainReferenceRuntime, GrainReference>> Proxies = new();
    private static readonly ConcurrentDictionary<Type, GrainClassDescriptor> GrainClasses = new();

    public static void RegisterProxy(Type grainInterface, Func<GrainId, IGrainReferenceRuntime, GrainReference> factory) =>
        Proxies[grainInterface] = factory;

    public static void RegisterGrainClass(GrainClassDescriptor descriptor) =>
        GrainClasses[descriptor.GrainClass] = descriptor;

    public static bool TryGetProxyFactory(Type grainInterface, out Func<GrainId, IGrainReferenceRuntime, GrainReference> factory) =>
        Proxies.TryGetValue(grainInterface, out factory!);

    public static IReadOnlyCollection<GrainClassDescriptor> GetGrainClasses() => GrainClasses.Values.ToArray();
}

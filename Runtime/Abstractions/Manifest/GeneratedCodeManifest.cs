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
    private static readonly ConcurrentDictionary<Type, Type> GenericProxies = new();
    private static readonly ConcurrentDictionary<Type, GrainClassDescriptor> GrainClasses = new();

    public static void RegisterProxy(Type grainInterface, Func<GrainId, IGrainReferenceRuntime, GrainReference> factory) =>
        Proxies[grainInterface] = factory;

    public static void RegisterGrainClass(GrainClassDescriptor descriptor) =>
        GrainClasses[descriptor.GrainClass] = descriptor;

    /// <summary>Registers the proxy of a generic grain interface (<c>IRepository&lt;&gt;</c> → <c>Proxy&lt;&gt;</c>); the proxy
    /// type declares <c>public static GrainReference Create(GrainId, IGrainReferenceRuntime)</c>.</summary>
    public static void RegisterGenericProxy(Type openGrainInterface, Type openProxyClass) =>
        GenericProxies[openGrainInterface] = openProxyClass;

    public static bool TryGetProxyFactory(Type grainInterface, out Func<GrainId, IGrainReferenceRuntime, GrainReference> factory)
    {
        if (Proxies.TryGetValue(grainInterface, out factory!))
            return true;
        if (!grainInterface.IsConstructedGenericType || !GenericProxies.TryGetValue(grainInterface.GetGenericTypeDefinition(), out var openProxy))
            return false;
        // Once per constructed interface: close the generic proxy and bind its factory method.
        Type proxyType;
        try
        {
            proxyType = openProxy.MakeGenericType(grainInterface.GetGenericArguments());
        }
        catch (ArgumentException)
        {
            return false;
        }
        factory = proxyType.GetMethod("Create", [typeof(GrainId), typeof(IGrainReferenceRuntime)])!
            .CreateDelegate<Func<GrainId, IGrainReferenceRuntime, GrainReference>>();
        Proxies[grainInterface] = factory;
        return true;
    }

    public static IReadOnlyCollection<GrainClassDescriptor> GetGrainClasses() => GrainClasses.Values.ToArray();
}

using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime;

/// <summary>Key accessors and reference casts for grains and grain references (Orleans' <c>GrainExtensions</c>).</summary>
public static class GrainExtensions
{
    /// <summary>The grain id of a grain reference or of a grain instance.</summary>
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        GrainReference reference => reference.GrainId,
        IGrainBase instance => instance.GrainContext.GrainId,
        null => throw new ArgumentNullException(nameof(grain)),
        _ => throw new ArgumentException($"{grain.GetType()} is neither a grain reference nor a grain.", nameof(grain)),
    };

    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    public static Guid GetPrimaryKey(this IAddressable grain) => GetPrimaryKey(grain, out _);

    public static Guid GetPrimaryKey(this IAddressable grain, out string? keyExtension)
    {
        var id = grain.GetGrainId();
        return Decode(id, static key => (GrainKeyEncoding.DecodeGuid(key, out var extension), extension), out keyExtension);
    }

    public static long GetPrimaryKeyLong(this IAddressable grain) => GetPrimaryKeyLong(grain, out _);

    public static long GetPrimaryKeyLong(this IAddressable grain, out string? keyExtension)
    {
        var id = grain.GetGrainId();
        return Decode(id, static key => (GrainKeyEncoding.DecodeLong(key, out var extension), extension), out keyExtension);
    }

    /// <summary>
    /// A reference to the same grain through <typeparamref name="TGrainInterface"/>. Inside a grain, pass
    /// <c>this.AsReference&lt;IMyGrain&gt;()</c> to other grains rather than <c>this</c>.
    /// </summary>
    public static TGrainInterface AsReference<TGrainInterface>(this IAddressable grain) where TGrainInterface : IAddressable => grain switch
    {
        GrainReference reference => (TGrainInterface)(object)reference.Runtime.CreateReference(reference.GrainId, typeof(TGrainInterface)),
        IGrainBase instance => ((IGrainFactory)instance.GrainContext.ActivationServices.GetService(typeof(IGrainFactory))!).GetGrain<TGrainInterface>(instance.GrainContext.GrainId),
        _ => throw new ArgumentException($"{grain?.GetType()} is neither a grain reference nor a grain.", nameof(grain)),
    };

    private static T Decode<T>(GrainId id, Func<string, (T Key, string? Extension)> decode, out string? keyExtension)
    {
        try
        {
            (var key, keyExtension) = decode(id.Key);
            return key;
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"The key of grain {id} is not a {typeof(T).Name} key.", exception);
        }
    }
}

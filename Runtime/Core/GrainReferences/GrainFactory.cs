using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.GrainReferences;

/// <summary>Builds grain references: resolves the grain type serving the interface and wraps the id in the generated proxy.</summary>
internal sealed class GrainFactory(IGrainTypeResolver grainTypes, IGrainReferenceRuntime runtime) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        return Get<TGrainInterface>(GrainKeyEncoding.Encode(primaryKey), grainClassNamePrefix);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithGuidKey =>
        Get<TGrainInterface>(GrainKeyEncoding.Encode(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithIntegerKey =>
        Get<TGrainInterface>(GrainKeyEncoding.Encode(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithGuidCompoundKey =>
        Get<TGrainInterface>(GrainKeyEncoding.Encode(primaryKey, ValidExtension(keyExtension)), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithIntegerCompoundKey =>
        Get<TGrainInterface>(GrainKeyEncoding.Encode(primaryKey, ValidExtension(keyExtension)), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IAddressable =>
        (TGrainInterface)GetGrain(grainId, typeof(TGrainInterface));

    public IAddressable GetGrain(GrainId grainId, Type interfaceType)
    {
        if (grainId.IsDefault)
            throw new ArgumentException("The grain id is empty.", nameof(grainId));
        return GrainReferenceRuntime.CreateProxy(grainId, interfaceType, runtime);
    }

    private TGrainInterface Get<TGrainInterface>(string key, string? grainClassNamePrefix)
    {
        var grainType = grainTypes.ResolveGrainType(typeof(TGrainInterface), grainClassNamePrefix);
        return (TGrainInterface)(object)GrainReferenceRuntime.CreateProxy(new GrainId(grainType, key), typeof(TGrainInterface), runtime);
    }

    private static string ValidExtension(string keyExtension)
    {
        ArgumentNullException.ThrowIfNull(keyExtension);
        if (keyExtension.Contains('+'))
            throw new ArgumentException($"A key extension must not contain '+' (was \"{keyExtension}\").", nameof(keyExtension));
        return keyExtension;
    }
}

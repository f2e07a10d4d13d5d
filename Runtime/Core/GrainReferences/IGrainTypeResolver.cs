namespace QuantumScheduler.Runtime.GrainReferences;

/// <summary>Which grain type serves a grain interface: in a silo, from the grain classes it hosts; in an external
/// client, from the manifest its gateway sent.</summary>
internal interface IGrainTypeResolver
{
    /// <summary>The grain type implementing <paramref name="grainInterface"/>: the only class implementing it, or the one
    /// whose full name starts with <paramref name="grainClassNamePrefix"/>.</summary>
    /// <exception cref="ArgumentException">No class, or several, match.</exception>
    string ResolveGrainType(Type grainInterface, string? grainClassNamePrefix);
}

namespace QuantumScheduler.Runtime.Gateway;

/// <summary>One grain class a gateway's cluster can activate, as an external client needs to know it: which grain
/// type to put in a grain id for a given interface. Interfaces are named, since the client may not have the class.</summary>
/// <param name="GrainType">The grain type (the id's type part).</param>
/// <param name="ClassFullName">The class's full name, for <c>grainClassNamePrefix</c> choices.</param>
/// <param name="InterfaceFullNames">The full names of the grain interfaces it implements.</param>
internal sealed record GrainManifestEntry(string GrainType, string ClassFullName, IReadOnlyList<string> InterfaceFullNames);

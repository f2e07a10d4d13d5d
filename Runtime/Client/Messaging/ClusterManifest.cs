using QuantumScheduler.Runtime.Gateway;
using QuantumScheduler.Runtime.GrainReferences;

namespace QuantumScheduler.Runtime.Client.Messaging;

/// <summary>
/// The grain classes of the cluster, as the gateway sent them on connect: how the client turns
/// <c>GetGrain&lt;IFoo&gt;(key)</c> into a grain id without having the grain classes itself (Orleans' cluster manifest).
/// </summary>
internal sealed class ClusterManifest : IGrainTypeResolver
{
    private volatile IReadOnlyList<GrainManifestEntry> _entries = [];

    /// <summary>Replaces the manifest with the one a newly connected gateway sent.</summary>
    public void Update(IReadOnlyList<GrainManifestEntry> entries) => _entries = entries;

    public string ResolveGrainType(Type grainInterface, string? grainClassNamePrefix)
    {
        var interfaceName = grainInterface.FullName ?? grainInterface.Name;
        var matches = _entries
            .Where(entry => entry.InterfaceFullNames.Contains(interfaceName, StringComparer.Ordinal))
            .Where(entry => grainClassNamePrefix is null || entry.ClassFullName.StartsWith(grainClassNamePrefix, StringComparison.Ordinal))
            .ToList();
        return matches.Count switch
        {
            1 => matches[0].GrainType,
            0 => throw new ArgumentException(
                $"No grain class in the cluster implements {interfaceName}{(grainClassNamePrefix is null ? "" : $" with a class name starting with \"{grainClassNamePrefix}\"")}" +
                (_entries.Count == 0 ? " (the client has not received the cluster's manifest: is it connected?)." : "."), nameof(grainInterface)),
            _ => throw new ArgumentException(
                $"Several grain classes in the cluster implement {interfaceName} ({string.Join(", ", matches.Select(static entry => entry.ClassFullName).Order())}); " +
                "pass a grainClassNamePrefix to choose one.", nameof(grainInterface)),
        };
    }
}

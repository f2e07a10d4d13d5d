using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>Which silos a silo probes: its successors on a ring of the active silos ordered by the hash of their
/// address, so each silo is watched by a few others and the watchers of a silo are spread over the cluster.</summary>
internal static class ProbeTargets
{
    public static IReadOnlyList<SiloAddress> Select(IEnumerable<SiloAddress> activeSilos, SiloAddress self, int count)
    {
        var ring = activeSilos.Append(self).Distinct()
            .OrderBy(static silo => XxHash32.Hash(silo.ToString())).ThenBy(static silo => silo.ToString(), StringComparer.Ordinal)
            .ToList();
        var start = ring.IndexOf(self);
        return Enumerable.Range(1, Math.Min(count, ring.Count - 1)).Select(offset => ring[(start + offset) % ring.Count]).ToArray();
    }
}

using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// A consistent-hash ring over a set of silos, each placed at several virtual points (the XxHash32 of
/// <c>"{silo}/{i}"</c>): a silo owns every range (previous point, its point], so each hash has exactly one owner,
/// and a silo that leaves hands its ranges to the silos whose points follow them.
/// </summary>
public static class ConsistentRing
{
    /// <summary>The ranges <paramref name="owner"/> owns on the ring of <paramref name="silos"/> (adjacent ranges merged);
    /// empty when <paramref name="owner"/> is not one of them.</summary>
    public static IReadOnlyList<RingRange> OwnedRanges(IEnumerable<SiloAddress> silos, SiloAddress owner, int pointsPerSilo)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerSilo, 1);
        var points = silos.Distinct()
            .SelectMany(silo => Enumerable.Range(0, pointsPerSilo).Select(i => (Hash: XxHash32.Hash($"{silo}/{i}"), Silo: silo)))
            // Equal hashes (vanishingly rare) are ordered by silo, so every process builds the same ring.
            .OrderBy(static point => point.Hash).ThenBy(static point => point.Silo.ToString(), StringComparer.Ordinal)
            .ToArray();
        if (!points.Any(point => point.Silo == owner))
            return [];
        if (points.All(point => point.Silo == owner))
            return [RingRange.Full];

        var ranges = new List<RingRange>();
        for (var i = 0; i < points.Length; i++)
        {
            if (points[i].Silo != owner)
                continue;
            var begin = points[(i - 1 + points.Length) % points.Length].Hash;
            var end = points[i].Hash;
            if (begin == end)
                continue; // an empty range: (x, x] would mean the whole ring
            if (ranges.Count > 0 && ranges[^1].End == begin)
                ranges[^1] = ranges[^1] with { End = end };
            else
                ranges.Add(new RingRange(begin, end));
        }
        // The range that wraps past the last point may continue the first one.
        if (ranges.Count > 1 && ranges[^1].End == ranges[0].Begin)
        {
            ranges[0] = ranges[0] with { Begin = ranges[^1].Begin };
            ranges.RemoveAt(ranges.Count - 1);
        }
        return ranges;
    }
}

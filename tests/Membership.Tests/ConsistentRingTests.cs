using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Runtime.Membership.Tests;

public sealed class ConsistentRingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(30)]
    public void The_ranges_of_any_live_set_cover_every_hash_exactly_once(int pointsPerSilo)
    {
        var random = new Random(4711);
        for (var trial = 0; trial < 40; trial++)
        {
            var silos = RandomSilos(random, random.Next(1, 11));
            var ranges = silos.ToDictionary(silo => silo, silo => ConsistentRing.OwnedRanges(silos, silo, pointsPerSilo));

            foreach (var hash in Probes(random, silos, pointsPerSilo))
            {
                var owners = ranges.Where(pair => pair.Value.Any(range => range.Contains(hash))).Select(pair => pair.Key).ToArray();
                Assert.True(owners.Length == 1, $"hash {hash:X8} has {owners.Length} owners among {silos.Length} silos (trial {trial})");
            }
        }
    }

    [Fact]
    public void A_silo_that_leaves_hands_over_only_its_own_hashes()
    {
        var random = new Random(42);
        var silos = RandomSilos(random, 5);
        var leaving = silos[2];
        var survivors = silos.Where(silo => silo != leaving).ToArray();
        var before = silos.ToDictionary(silo => silo, silo => ConsistentRing.OwnedRanges(silos, silo, 30));
        var after = survivors.ToDictionary(silo => silo, silo => ConsistentRing.OwnedRanges(survivors, silo, 30));

        for (var i = 0; i < 20_000; i++)
        {
            var hash = (uint)random.NextInt64(0, 1L << 32);
            var oldOwner = before.Single(pair => pair.Value.Any(range => range.Contains(hash))).Key;
            var newOwner = after.Single(pair => pair.Value.Any(range => range.Contains(hash))).Key;
            if (oldOwner != leaving)
                Assert.Equal(oldOwner, newOwner);
        }
    }

    [Fact]
    public void A_lone_silo_owns_the_whole_ring_and_a_silo_outside_the_set_owns_nothing()
    {
        var silo = new SiloAddress("10.0.0.1", 11111, 1);

        Assert.Equal([RingRange.Full], ConsistentRing.OwnedRanges([silo], silo, 30));
        Assert.Empty(ConsistentRing.OwnedRanges([silo], silo with { Generation = 2 }, 30));
    }

    [Fact]
    public void Thirty_points_per_silo_spread_the_ring_within_a_factor_of_two_of_an_even_share()
    {
        var silos = RandomSilos(new Random(7), 4);

        var shares = silos.Select(silo => ConsistentRing.OwnedRanges(silos, silo, 30).Sum(Length) / (double)(1L << 32)).ToArray();

        Assert.Equal(1.0, shares.Sum(), 6);
        Assert.All(shares, share => Assert.InRange(share, 0.125, 0.5));
    }

    private static long Length(RingRange range) => range.Wraps ? (1L << 32) - range.Begin + range.End : (long)range.End - range.Begin;

    private static SiloAddress[] RandomSilos(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => new SiloAddress($"10.0.{random.Next(256)}.{random.Next(256)}", random.Next(1024, 65536), random.Next(1, 1_000_000)))
            .Distinct().ToArray();

    /// <summary>The hashes where mistakes hide (every point and its neighbours, the ends of the hash space) and random ones.</summary>
    private static IEnumerable<uint> Probes(Random random, SiloAddress[] silos, int pointsPerSilo)
    {
        var points = silos.SelectMany(silo => Enumerable.Range(0, pointsPerSilo).Select(i => XxHash32.Hash($"{silo}/{i}")));
        foreach (var point in points)
        {
            yield return point;
            yield return unchecked(point + 1);
            yield return unchecked(point - 1);
        }
        yield return 0;
        yield return uint.MaxValue;
        for (var i = 0; i < 500; i++)
            yield return (uint)random.NextInt64(0, 1L << 32);
    }
}

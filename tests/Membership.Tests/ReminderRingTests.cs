using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Reminders;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Membership.Tests;

public sealed class ReminderRingTests
{
    private static readonly SiloAddress A = ClusterHarness.Address(1), B = ClusterHarness.Address(2);

    [Fact]
    public void The_provider_owns_nothing_until_its_silo_is_active_and_raises_a_change_when_the_view_moves_its_ranges()
    {
        var view = new SettableView();
        using var provider = new ConsistentRingReminderRangeProvider(view, new FixedSiloDetails(A, null), Options.Create(new ConsistentRingOptions()));
        var changes = 0;
        provider.RangesChanged += () => changes++;

        Assert.Empty(provider.GetOwnedRanges());
        view.Publish(1, (A, SiloStatus.Joining));
        Assert.Empty(provider.GetOwnedRanges());
        view.Publish(2, (A, SiloStatus.Active));
        Assert.Equal([RingRange.Full], provider.GetOwnedRanges());
        view.Publish(3, (A, SiloStatus.Active), (B, SiloStatus.Active));
        Assert.Equal(ConsistentRing.OwnedRanges([A, B], A, 30), provider.GetOwnedRanges());
        view.Publish(2, (A, SiloStatus.Active)); // an older version is ignored
        Assert.Equal(ConsistentRing.OwnedRanges([A, B], A, 30), provider.GetOwnedRanges());
        view.Publish(4, (A, SiloStatus.Active), (B, SiloStatus.Dead));

        Assert.Equal([RingRange.Full], provider.GetOwnedRanges());
        Assert.Equal(3, changes);
    }

    [Fact]
    public async Task When_a_silo_dies_the_survivor_takes_up_its_reminders_at_once()
    {
        var table = new InMemoryReminderTable();
        var time = new FakeTimeProvider(ClusterHarness.Epoch);
        var grains = new GrainId[40].Select((_, i) => new GrainId("ticker", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        foreach (var grain in grains)
            await table.UpsertRowAsync(new ReminderEntry { GrainId = grain, ReminderName = "tick", StartAt = time.GetUtcNow().UtcDateTime.AddMinutes(1), Period = TimeSpan.FromMinutes(1) }, CancellationToken.None);
        var view = new SettableView();
        view.Publish(1, (A, SiloStatus.Active), (B, SiloStatus.Active));
        using var ring = new ConsistentRingReminderRangeProvider(view, new FixedSiloDetails(A, null), Options.Create(new ConsistentRingOptions()));
        var options = Options.Create(new ReminderOptions { RefreshReminderListPeriod = TimeSpan.FromHours(1), ReminderLoadingWindow = TimeSpan.FromHours(2) });
        using var service = new LocalReminderService(table, DispatchProxy.Create<IGrainFactory, UncalledGrainFactory>(), ring, options, time, NullLogger<LocalReminderService>.Instance);
        await service.StartAsync(CancellationToken.None);
        var ownedByA = grains.Count(grain => ring.GetOwnedRanges().Any(range => range.Contains(grain)));

        var armedBefore = service.ArmedCount;
        view.Publish(2, (A, SiloStatus.Active), (B, SiloStatus.Dead));
        for (var wait = 0; service.ArmedCount != grains.Length && wait < 500; wait++)
            await Task.Delay(10);

        Assert.InRange(ownedByA, 1, grains.Length - 1);
        Assert.Equal(ownedByA, armedBefore);
        Assert.Equal(grains.Length, service.ArmedCount);
        await service.StopAsync(CancellationToken.None);
    }

    /// <summary>A view the test publishes by hand.</summary>
    private sealed class SettableView : IClusterMembershipView
    {
        public ClusterMembershipSnapshot Current { get; private set; } = ClusterMembershipSnapshot.Empty;

        public event Action<ClusterMembershipSnapshot>? Changed;

        public void Publish(long version, params (SiloAddress Silo, SiloStatus Status)[] members)
        {
            Current = new ClusterMembershipSnapshot(members.Select(member => new ClusterMember(member.Silo, member.Status, null, member.Silo.ToString())).ToArray(), version);
            Changed?.Invoke(Current);
        }
    }

    /// <summary>No tick falls due in these tests, so no grain is ever called.</summary>
    public class UncalledGrainFactory : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException($"No grain call was expected ({targetMethod?.Name}).");
    }
}

using System.Diagnostics;
using System.Globalization;
using QuantumScheduler.Cluster.Tests.Harness;
using QuantumScheduler.Runtime;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Storage.PostgreSql;
using Xunit.Abstractions;

namespace QuantumScheduler.Cluster.Tests.Membership;

/// <summary>A silo process killed with SIGKILL: the survivors declare it dead and take over its reminders.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloCrashDetectionTests(ClusterDatabase database, ITestOutputHelper log) : IClassFixture<ClusterDatabase>, IAsyncLifetime
{
    private const string ReminderGrainType = "cluster-test-reminder-recorder";
    private const int ReminderGrains = 24;
    private readonly ClusterProcesses _cluster = new(database.ConnectionString, log);
    private MembershipTableProbe _membership = null!;

    public Task InitializeAsync()
    {
        _membership = new MembershipTableProbe(database.ConnectionString, _cluster.ClusterId);
        ShortMembershipSettings.ApplyTo(_cluster.Environment);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _membership.DisposeAsync();
    }

    [Fact]
    public async Task A_killed_silo_of_three_is_declared_dead_within_the_detection_time_and_its_reminders_fire_on_a_survivor()
    {
        var silos = await _cluster.StartSilosAsync(3);
        var active = await _membership.ActiveSilosAsync();
        Assert.Equal(silos.Select(static silo => silo.Ready.Silo).Order(), active.Select(static silo => silo.ToString()).Order());

        var grains = Enumerable.Range(0, ReminderGrains).Select(i => new GrainId(ReminderGrainType, $"crash-{i}")).ToArray();
        await RegisterRemindersAsync(grains);
        var victim = silos[1];
        var victimAddress = active.Single(silo => silo.ToString() == victim.Ready.Silo);
        var victimRanges = ConsistentRing.OwnedRanges(active, victimAddress, new ConsistentRingOptions().NumVirtualBuckets);
        var victimGrains = grains.Where(grain => victimRanges.Any(range => range.Contains(grain))).ToArray();
        Assert.NotEmpty(victimGrains);
        await WaitUntilEachTicksAsync(victimGrains, after: DateTime.MinValue, onSiloOtherThan: "", TimeSpan.FromSeconds(30));

        var killedAtUtc = DateTime.UtcNow;
        var killedAt = Stopwatch.StartNew();
        await victim.KillAsync();
        await _membership.WaitForStatusAsync(victim.Ready.Silo, SiloStatus.Dead, TimeSpan.FromSeconds(60));
        var detection = killedAt.Elapsed;
        var resumed = await WaitUntilEachTicksAsync(victimGrains, after: killedAtUtc, onSiloOtherThan: victim.Name, TimeSpan.FromSeconds(30));

        var row = await _membership.RowAsync(victim.Ready.Silo);
        log.WriteLine($"kill -9 -> Dead row: {detection.TotalSeconds:F1} s (bound {Bound.TotalSeconds:F0} s; worst case by calculation " +
            $"{ShortMembershipSettings.Options.WorstCaseDetectionTime.TotalSeconds:F0} s + table round trips); " +
            $"{victimGrains.Length} reminders of the dead silo ticking again on survivors {resumed.TotalSeconds:F1} s after the kill; row: {MembershipTableProbe.Describe(row)}");
        Assert.InRange(detection, TimeSpan.Zero, Bound);
        Assert.Equal(2, row.Suspicions.Count);
        Assert.All(row.Suspicions, vote => Assert.Contains(vote.Suspecter.ToString(), silos.Where(silo => silo != victim).Select(static silo => silo.Ready.Silo)));
        Assert.Equal(2, (await _membership.ActiveSilosAsync()).Count);
    }

    /// <summary>The worst case of the short settings plus slack for a loaded two-core machine (table round trips,
    /// thread-pool delays): what the test allows, not what it expects.</summary>
    private static TimeSpan Bound => ShortMembershipSettings.Options.WorstCaseDetectionTime + TimeSpan.FromSeconds(7);

    private async Task RegisterRemindersAsync(IEnumerable<GrainId> grains)
    {
        await using var reminders = new PostgreSqlReminderTable(new PostgreSqlReminderTableOptions { ConnectionString = database.ConnectionString });
        var start = DateTime.UtcNow.AddSeconds(1);
        foreach (var grain in grains)
            await reminders.UpsertRowAsync(new ReminderEntry { GrainId = grain, ReminderName = "tick", StartAt = start, Period = TimeSpan.FromSeconds(1) }, CancellationToken.None);
    }

    /// <summary>Waits until every grain recorded a tick after <paramref name="after"/> on a silo other than
    /// <paramref name="onSiloOtherThan"/>; returns the time spent since <paramref name="after"/>.</summary>
    private async Task<TimeSpan> WaitUntilEachTicksAsync(IReadOnlyList<GrainId> grains, DateTime after, string onSiloOtherThan, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        var pending = grains.ToList();
        while (pending.Count > 0)
        {
            foreach (var grain in pending.ToArray())
            {
                if ((await database.ReminderTicksAsync(grain.Key)).Any(tick => tick.RecordedAt > after && tick.Silo != onSiloOtherThan))
                    pending.Remove(grain);
            }
            if (pending.Count == 0)
                break;
            if (waited.Elapsed > timeout)
                throw new TimeoutException($"No reminder tick after {after.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} within {timeout} for " +
                    string.Join(", ", pending.Select(static grain => grain.Key)));
            await Task.Delay(200);
        }
        return after == DateTime.MinValue ? waited.Elapsed : DateTime.UtcNow - after;
    }
}

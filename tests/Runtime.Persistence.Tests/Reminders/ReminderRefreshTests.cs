using QuantumScheduler.Runtime.Reminders;
using QuantumScheduler.Runtime.Storage;
using QuantumScheduler.Runtime.Storage.Sqlite;

namespace QuantumScheduler.Runtime.Persistence.Tests.Reminders;

/// <summary>Rows the service did not write itself (another silo, an earlier run): loading, refreshing, ownership.</summary>
public sealed class ReminderRefreshTests : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly GrainId Job = new("job", "j1");
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Reminders_survive_a_restart_on_the_same_sqlite_file_and_skip_the_ticks_missed_while_down()
    {
        DateTime start;
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ReminderHarness.Epoch);
        using (var table = OpenTable())
        {
            await using var before = new ReminderHarness(table, time);
            await before.StartAsync();
            start = before.Now + Minute;
            await before.Registry.RegisterOrUpdateReminder(Job, "poll", Minute, Minute);
            before.Time.Advance(Minute);
            await before.Log.WaitForCountAsync(1);
        }

        time.Advance(TimeSpan.FromSeconds(10 * 60 + 30)); // down from start + 0:00 to start + 10:30
        using var reopened = OpenTable();
        await using var after = new ReminderHarness(reopened, time);
        await after.StartAsync();
        after.Advance(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(30));
        await after.Log.WaitForCountAsync(2);

        Assert.Equal([start + 11 * Minute, start + 12 * Minute], after.Log.Ticks.Select(t => t.Status.CurrentTickTime));
        Assert.All(after.Log.Ticks, t => Assert.Equal(start, t.Status.FirstTickTime));
    }

    [Fact]
    public async Task The_refresh_loop_picks_up_rows_written_elsewhere_and_drops_removed_ones()
    {
        var table = new InMemoryReminderTable();
        await using var harness = new ReminderHarness(table, options: new ReminderOptions
        {
            RefreshReminderListPeriod = 5 * Minute,
            ReminderLoadingWindow = 10 * Minute,
        });
        await harness.StartAsync();
        var start = harness.Now + 7 * Minute;
        var etag = await table.UpsertRowAsync(new ReminderEntry { GrainId = Job, ReminderName = "elsewhere", StartAt = start, Period = Minute }, CancellationToken.None);
        Assert.Equal(0, harness.Local.ArmedCount);

        harness.Time.Advance(5 * Minute);
        await WaitUntilAsync(() => harness.Local.ArmedCount == 1);
        harness.Advance(3 * Minute, Minute);
        Assert.Equal([start, start + Minute], harness.Log.Ticks.Select(t => t.Status.CurrentTickTime));

        Assert.True(await table.RemoveRowAsync(Job, "elsewhere", etag, CancellationToken.None));
        harness.Advance(2 * Minute, Minute); // to the second refresh, 10 minutes after start-up
        await WaitUntilAsync(() => harness.Local.ArmedCount == 0);
        var ticksBeforeTheRefreshNoticed = harness.Log.Ticks.Count;
        harness.Advance(5 * Minute, Minute);
        Assert.Equal(ticksBeforeTheRefreshNoticed, harness.Log.Ticks.Count);
        Assert.InRange(ticksBeforeTheRefreshNoticed, 2, 4);
    }

    [Fact]
    public async Task Only_reminders_due_within_the_loading_window_hold_a_timer()
    {
        var table = new InMemoryReminderTable();
        await using var harness = new ReminderHarness(table, options: new ReminderOptions
        {
            RefreshReminderListPeriod = 5 * Minute,
            ReminderLoadingWindow = 10 * Minute,
        });
        await harness.StartAsync();

        await harness.Registry.RegisterOrUpdateReminder(Job, "soon", 2 * Minute, TimeSpan.FromHours(1));
        await harness.Registry.RegisterOrUpdateReminder(Job, "later", 30 * Minute, TimeSpan.FromHours(1));
        Assert.Equal(1, harness.Local.ArmedCount);

        // Once "soon" has ticked, its next tick is an hour away: it lets go of its timer until a refresh.
        harness.Time.Advance(2 * Minute);
        Assert.Equal(0, harness.Local.ArmedCount);
        for (var minute = 3; minute <= 30; minute++)
        {
            harness.Time.Advance(Minute);
            if (minute % 5 == 0)
            {
                // Refreshes run every 5 minutes; "later" comes within the 10-minute window at the one at minute 20.
                var armed = minute >= 20 && minute < 30 ? 1 : 0;
                await WaitUntilAsync(() => harness.Local.ArmedCount == armed);
            }
        }

        Assert.Equal(["soon", "later"], harness.Log.Ticks.Select(t => t.ReminderName));
    }

    [Fact]
    public async Task A_service_fires_only_the_reminders_of_the_range_it_owns()
    {
        var table = new InMemoryReminderTable();
        var grains = Enumerable.Range(0, 40).Select(i => new GrainId("job", $"j{i}")).ToArray();
        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        var owned = new RingRange(hashes[9], hashes[29]);
        await using var harness = new ReminderHarness(table, ranges: new FixedRange(owned));
        await harness.StartAsync();
        var inRange = grains.Where(owned.Contains).ToArray();
        // One row registered through this service, the rest written directly and found by a refresh.
        foreach (var grain in grains.Skip(1))
            await table.UpsertRowAsync(new ReminderEntry { GrainId = grain, ReminderName = "poll", StartAt = harness.Now + Minute, Period = Minute }, CancellationToken.None);
        await harness.Local.RefreshAsync(CancellationToken.None);
        await harness.Registry.RegisterOrUpdateReminder(grains[0], "poll", Minute, Minute);

        harness.Time.Advance(Minute);

        Assert.Equal(20, inRange.Length);
        Assert.Equal(inRange.Order(), harness.Log.Ticks.Select(t => t.GrainId).Order());
    }

    private SqliteReminderTable OpenTable() => new(new SqliteReminderTableOptions { DataDirectory = _directory.Path });

    /// <summary>Waits (real time, bounded) for the background refresh, which runs on the thread pool.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true within 10 s");
            await Task.Delay(5);
        }
    }

    private sealed class FixedRange(RingRange range) : IReminderRangeProvider
    {
        public RingRange GetOwnedRange() => range;
    }
}

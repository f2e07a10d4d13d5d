using QuantumScheduler.Runtime.Persistence.Tests.Fakes;
using QuantumScheduler.Runtime.Reminders;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Persistence.Tests.Reminders;

public sealed class ReminderServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly GrainId Job = new("job", "j1");
    private readonly ReminderHarness _harness = new(new InMemoryReminderTable());

    public Task InitializeAsync() => _harness.StartAsync();

    public Task DisposeAsync() => _harness.DisposeAsync().AsTask();

    [Fact]
    public async Task Ticks_fall_at_start_plus_k_periods()
    {
        var start = _harness.Now + TimeSpan.FromSeconds(90);
        await _harness.Registry.RegisterOrUpdateReminder(Job, "poll", TimeSpan.FromSeconds(90), Minute);

        _harness.Advance(TimeSpan.FromSeconds(90) + 4 * Minute, TimeSpan.FromSeconds(30));

        var ticks = _harness.Log.Ticks;
        Assert.Equal(Enumerable.Range(0, 5).Select(k => start + k * Minute), ticks.Select(t => t.Status.CurrentTickTime));
        Assert.All(ticks, t => Assert.Equal(new TickStatus(start, Minute, t.Status.CurrentTickTime), t.Status));
        Assert.All(ticks, t => Assert.Equal((Job, "poll"), (t.GrainId, t.ReminderName)));
    }

    [Fact]
    public async Task A_due_time_of_zero_ticks_at_once()
    {
        var now = _harness.Now;
        await _harness.Registry.RegisterOrUpdateReminder(Job, "now", TimeSpan.Zero, Minute);

        await _harness.Log.WaitForCountAsync(1);

        Assert.Equal(now, _harness.Log.Ticks[0].Status.CurrentTickTime);
    }

    [Fact]
    public async Task A_slow_tick_does_not_shift_the_schedule()
    {
        var release = new TaskCompletionSource();
        _harness.Grains.Handler = tick => tick.Status.CurrentTickTime == tick.Status.FirstTickTime ? release.Task : Task.CompletedTask;
        var start = _harness.Now + Minute;
        await _harness.Registry.RegisterOrUpdateReminder(Job, "slow", Minute, Minute);

        _harness.Time.Advance(Minute);
        _harness.Time.Advance(TimeSpan.FromSeconds(40));
        await ReleaseAsync(release);
        _harness.Time.Advance(TimeSpan.FromSeconds(20));
        _harness.Time.Advance(Minute);

        Assert.Equal([start, start + Minute, start + 2 * Minute], _harness.Log.Ticks.Select(t => t.Status.CurrentTickTime));
    }

    [Fact]
    public async Task Ticks_never_overlap_and_those_due_during_a_running_tick_are_skipped()
    {
        var release = new TaskCompletionSource();
        _harness.Grains.Handler = tick => tick.Status.CurrentTickTime == tick.Status.FirstTickTime ? release.Task : Task.CompletedTask;
        var start = _harness.Now + Minute;
        await _harness.Registry.RegisterOrUpdateReminder(Job, "slow", Minute, Minute);

        _harness.Advance(TimeSpan.FromSeconds(60 + 150), TimeSpan.FromSeconds(30));
        Assert.Single(_harness.Log.Ticks);
        await ReleaseAsync(release);
        _harness.Advance(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));

        Assert.Equal([start, start + 3 * Minute], _harness.Log.Ticks.Select(t => t.Status.CurrentTickTime));
    }

    /// <summary>Completes a held tick from a thread without xunit's synchronisation context, so the service's
    /// continuation (re-arming the timer) runs inline and is done when this returns.</summary>
    private static Task ReleaseAsync(TaskCompletionSource held) => Task.Run(held.SetResult);

    [Fact]
    public async Task Each_tick_gets_a_fresh_grain_reference_so_a_collected_grain_is_activated()
    {
        await _harness.Registry.RegisterOrUpdateReminder(Job, "poll", Minute, Minute);

        _harness.Advance(3 * Minute, Minute);

        Assert.Equal(3, _harness.Log.Ticks.Count);
        Assert.Equal(3, _harness.Grains.Lookups);
    }

    [Fact]
    public async Task A_failing_tick_does_not_stop_the_schedule()
    {
        _harness.Grains.Handler = tick => tick.Status.CurrentTickTime == tick.Status.FirstTickTime
            ? Task.FromException(new InvalidOperationException("grain failed"))
            : Task.CompletedTask;
        await _harness.Registry.RegisterOrUpdateReminder(Job, "poll", Minute, Minute);

        _harness.Advance(3 * Minute, Minute);

        Assert.Equal(3, _harness.Log.Ticks.Count);
    }

    [Fact]
    public async Task Registering_the_same_name_again_replaces_the_schedule()
    {
        var first = await _harness.Registry.RegisterOrUpdateReminder(Job, "poll", Minute, Minute);
        _harness.Time.Advance(Minute);
        var restart = _harness.Now + 5 * Minute;

        var second = await _harness.Registry.RegisterOrUpdateReminder(Job, "poll", 5 * Minute, 2 * Minute);
        _harness.Advance(9 * Minute, Minute);

        Assert.NotEqual(((GrainReminder)first).ETag, ((GrainReminder)second).ETag);
        var ticks = _harness.Log.Ticks;
        Assert.Equal([restart - 5 * Minute, restart, restart + 2 * Minute, restart + 4 * Minute], ticks.Select(t => t.Status.CurrentTickTime));
        Assert.Equal(2 * Minute, ticks[^1].Status.Period);
        var stored = Assert.Single(await _harness.Table.ReadRowsAsync(Job, CancellationToken.None));
        Assert.Equal(restart, stored.StartAt);
    }

    [Fact]
    public async Task Unregister_removes_the_row_and_stops_the_ticks()
    {
        var reminder = await _harness.Registry.RegisterOrUpdateReminder(Job, "poll", Minute, Minute);
        _harness.Time.Advance(Minute);

        await _harness.Registry.UnregisterReminder(Job, reminder);
        _harness.Advance(10 * Minute, Minute);

        Assert.Single(_harness.Log.Ticks);
        Assert.Null(await _harness.Registry.GetReminder(Job, "poll"));
        Assert.Null(await _harness.Table.ReadRowAsync(Job, "poll", CancellationToken.None));
    }

    [Fact]
    public async Task A_one_shot_reminder_unregisters_itself_in_its_first_tick()
    {
        _harness.Grains.Handler = async tick =>
        {
            var self = await _harness.Registry.GetReminder(tick.GrainId, tick.ReminderName);
            await _harness.Registry.UnregisterReminder(tick.GrainId, self!);
        };
        await _harness.Registry.RegisterOrUpdateReminder(Job, "once", Minute, Minute);

        _harness.Advance(5 * Minute, Minute);

        Assert.Single(_harness.Log.Ticks);
        Assert.Empty(await _harness.Registry.GetReminders(Job));
    }

    [Fact]
    public async Task Unregistering_a_reminder_already_gone_does_nothing()
    {
        var reminder = await _harness.Registry.RegisterOrUpdateReminder(Job, "poll", Minute, Minute);
        await _harness.Registry.UnregisterReminder(Job, reminder);

        await _harness.Registry.UnregisterReminder(Job, reminder);

        Assert.Empty(await _harness.Registry.GetReminders(Job));
    }

    [Fact]
    public async Task A_stale_handle_cannot_unregister_the_reminder_that_replaced_it()
    {
        var stale = await _harness.Registry.RegisterOrUpdateReminder(Job, "poll", Minute, Minute);
        await _harness.Registry.RegisterOrUpdateReminder(Job, "poll", 2 * Minute, Minute);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _harness.Registry.UnregisterReminder(Job, stale));

        Assert.Contains("'poll'", error.Message);
        Assert.Contains("GetReminder", error.Message);
        Assert.NotNull(await _harness.Registry.GetReminder(Job, "poll"));
        _harness.Advance(2 * Minute, Minute);
        Assert.Single(_harness.Log.Ticks);
    }

    [Fact]
    public async Task Get_reminders_lists_the_grains_reminders_with_their_schedule()
    {
        var start = _harness.Now + Minute;
        await _harness.Registry.RegisterOrUpdateReminder(Job, "a", Minute, Minute);
        await _harness.Registry.RegisterOrUpdateReminder(Job, "b", Minute, 3 * Minute);
        await _harness.Registry.RegisterOrUpdateReminder(new GrainId("job", "other"), "c", Minute, Minute);

        var reminders = (await _harness.Registry.GetReminders(Job)).Cast<GrainReminder>().OrderBy(r => r.ReminderName).ToArray();
        var b = (GrainReminder?)await _harness.Registry.GetReminder(Job, "b");

        Assert.Equal(["a", "b"], reminders.Select(r => r.ReminderName));
        Assert.Equal(reminders[1], b);
        Assert.Equal((start, 3 * Minute, Job), (b!.StartAt, b.Period, b.GrainId));
        Assert.Null(await _harness.Registry.GetReminder(Job, "missing"));
    }

    [Fact]
    public async Task A_period_below_the_minimum_is_rejected_naming_the_option()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _harness.Registry.RegisterOrUpdateReminder(Job, "fast", Minute, TimeSpan.FromSeconds(59)));

        Assert.Equal("period", error.ParamName);
        Assert.Contains("MinimumReminderPeriod", error.Message);
        Assert.Empty(await _harness.Registry.GetReminders(Job));
    }

    [Fact]
    public async Task The_minimum_period_can_be_lowered()
    {
        await using var harness = new ReminderHarness(new InMemoryReminderTable(), options: new ReminderOptions
        {
            MinimumReminderPeriod = TimeSpan.FromSeconds(1),
            RefreshReminderListPeriod = TimeSpan.FromHours(1),
            ReminderLoadingWindow = TimeSpan.FromHours(1),
        });
        await harness.StartAsync();

        await harness.Registry.RegisterOrUpdateReminder(Job, "fast", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        harness.Advance(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(1));

        Assert.Equal(4, harness.Log.Ticks.Count);
    }

    [Theory]
    [InlineData(-1_000, 60_000, "dueTime", "zero or positive")]
    [InlineData(-1, 60_000, "dueTime", "infinite due time")]
    [InlineData(60_000, -1, "period", "infinite period")]
    [InlineData(60_000, 0, "period", "MinimumReminderPeriod")]
    [InlineData(60_000, -60_000, "period", "MinimumReminderPeriod")]
    public async Task Invalid_schedules_are_rejected_with_a_clear_error(int dueMilliseconds, int periodMilliseconds, string parameter, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _harness.Registry.RegisterOrUpdateReminder(
            Job, "bad", TimeSpan.FromMilliseconds(dueMilliseconds), TimeSpan.FromMilliseconds(periodMilliseconds)));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(expected, error.Message);
        Assert.Contains($"grain '{Job}'", error.Message);
    }

    [Fact]
    public async Task A_due_time_past_the_end_of_time_is_rejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _harness.Registry.RegisterOrUpdateReminder(Job, "never", TimeSpan.MaxValue, Minute));

        Assert.Equal("dueTime", error.ParamName);
    }

    [Fact]
    public async Task An_empty_name_or_default_grain_is_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _harness.Registry.RegisterOrUpdateReminder(Job, "", Minute, Minute));
        await Assert.ThrowsAsync<ArgumentException>(() => _harness.Registry.RegisterOrUpdateReminder(default, "x", Minute, Minute));
    }
}

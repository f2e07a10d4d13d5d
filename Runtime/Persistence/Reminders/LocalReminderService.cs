using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Reminders;

/// <summary>
/// Fires the reminders of the hash range this silo owns. It loads their rows when the host starts and every
/// <see cref="ReminderOptions.RefreshReminderListPeriod"/>, keeps a timer for each reminder due within
/// <see cref="ReminderOptions.ReminderLoadingWindow"/>, and on each tick calls
/// <see cref="IRemindable.ReceiveReminder"/> on a fresh grain reference (which activates a collected grain). When the
/// owned ranges change (a silo joined or left the cluster) it re-reads at once, taking up the reminders it gained and
/// dropping those it lost.
/// </summary>
/// <remarks>
/// Ticks fall at StartAt + k × Period counted from the stored start. Ticks are not persisted: one due while the
/// silo was down, or while the previous tick of the same reminder was still running, is skipped to the next due
/// time. A tick's failure is logged and the schedule goes on.
/// </remarks>
public sealed partial class LocalReminderService : BackgroundService
{
    private readonly IReminderTable _table;
    private readonly IGrainFactory _grains;
    private readonly IReminderRangeProvider _ranges;
    private readonly ReminderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LocalReminderService> _logger;
    private readonly Lock _lock = new();
    // One refresh at a time, so an older read never lands after a newer one.
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<(GrainId GrainId, string Name), ScheduledReminder> _scheduled = [];
    // Keys this silo changed itself, with the change's sequence number: a refresh whose read started before the
    // change must not undo it with its older snapshot.
    private readonly Dictionary<(GrainId GrainId, string Name), long> _localChanges = [];
    private long _changeSequence;
    private bool _stopped;
    private PeriodicTimer? _refreshTimer;

    public LocalReminderService(
        IReminderTable table, IGrainFactory grains, IReminderRangeProvider ranges,
        IOptions<ReminderOptions> options, TimeProvider time, ILogger<LocalReminderService> logger)
    {
        _table = table;
        _grains = grains;
        _ranges = ranges;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _ranges.RangesChanged += OnRangesChanged;
    }

    /// <summary>The reminders that currently hold a timer (due within the loading window), for diagnostics.</summary>
    public int ArmedCount
    {
        get
        {
            lock (_lock)
                return _scheduled.Values.Count(r => r.Pending is not null);
        }
    }

    /// <summary>Loads the owned reminders before the host finishes starting, then keeps refreshing in the background.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        // Created here rather than in ExecuteAsync (which runs on the thread pool) so refreshes keep a fixed
        // rhythm from start-up.
        _refreshTimer = new PeriodicTimer(_options.RefreshReminderListPeriod, _time);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _ranges.RangesChanged -= OnRangesChanged;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _stopped = true;
            foreach (var reminder in _scheduled.Values)
                reminder.Dispose();
            _scheduled.Clear();
        }
        _refreshTimer?.Dispose();
    }

    /// <summary>Reads the rows of the owned ranges and brings the timers in line with them: new and changed rows
    /// are (re)scheduled, vanished rows (and rows of ranges no longer owned) stop.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RefreshOwnedRangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task RefreshOwnedRangesAsync(CancellationToken cancellationToken)
    {
        var ranges = _ranges.GetOwnedRanges();
        long readStartedAt;
        lock (_lock)
            readStartedAt = _changeSequence;
        var rows = new List<ReminderEntry>();
        foreach (var range in ranges)
            rows.AddRange(await _table.ReadRowsAsync(range.Begin, range.End, cancellationToken).ConfigureAwait(false));

        lock (_lock)
        {
            if (_stopped)
                return;
            var now = UtcNow;
            var present = new HashSet<(GrainId, string)>();
            foreach (var row in rows)
            {
                var key = (row.GrainId, row.ReminderName);
                present.Add(key);
                if (ChangedLocallySince(key, readStartedAt))
                    continue;
                if (_scheduled.TryGetValue(key, out var current) && current.Entry.ETag == row.ETag)
                {
                    if (current.Pending is null && !current.Firing)
                        Arm(current, now);
                    continue;
                }
                Schedule(row, now);
            }

            foreach (var key in _scheduled.Keys.Where(k => !present.Contains(k) && !ChangedLocallySince(k, readStartedAt)).ToArray())
                Unschedule(key);
            foreach (var key in _localChanges.Where(c => c.Value <= readStartedAt).Select(c => c.Key).ToArray())
                _localChanges.Remove(key);
        }
        LogRefreshed(string.Join(" ", ranges), rows.Count);
    }

    /// <summary>Takes up a row this silo has just written, so it ticks without waiting for the next refresh.</summary>
    public void OnUpserted(ReminderEntry entry)
    {
        if (!_ranges.GetOwnedRanges().Any(range => range.Contains(entry.GrainId)))
            return;
        lock (_lock)
        {
            if (_stopped)
                return;
            NoteLocalChange((entry.GrainId, entry.ReminderName));
            Schedule(entry, UtcNow);
        }
    }

    /// <summary>Stops a reminder whose row this silo has just removed.</summary>
    public void OnRemoved(GrainId grainId, string reminderName)
    {
        lock (_lock)
        {
            NoteLocalChange((grainId, reminderName));
            Unschedule((grainId, reminderName));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var refreshTimer = _refreshTimer ?? throw new InvalidOperationException($"{nameof(LocalReminderService)} runs through StartAsync.");
        while (true)
        {
            try
            {
                if (!await refreshTimer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                    return;
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRefreshFailed(exception, _options.RefreshReminderListPeriod);
            }
        }
    }

    public override void Dispose()
    {
        _ranges.RangesChanged -= OnRangesChanged;
        _stopping.Dispose();
        _refreshGate.Dispose();
        base.Dispose();
    }

    private DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    private void OnRangesChanged() => _ = RefreshAfterRangeChangeAsync();

    private async Task RefreshAfterRangeChangeAsync()
    {
        try
        {
            await RefreshAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            LogRefreshFailed(exception, _options.RefreshReminderListPeriod);
        }
    }

    private bool ChangedLocallySince((GrainId, string) key, long sequence) =>
        _localChanges.TryGetValue(key, out var changedAt) && changedAt > sequence;

    private void NoteLocalChange((GrainId, string) key) => _localChanges[key] = ++_changeSequence;

    private void Schedule(ReminderEntry entry, DateTime now)
    {
        var key = (entry.GrainId, entry.ReminderName);
        Unschedule(key);
        var reminder = new ScheduledReminder(entry);
        _scheduled[key] = reminder;
        Arm(reminder, now);
    }

    private void Unschedule((GrainId, string) key)
    {
        if (_scheduled.Remove(key, out var reminder))
            reminder.Dispose();
    }

    /// <summary>Sets the timer for the first tick from now on that has not been delivered yet, unless that tick
    /// lies beyond the loading window (a later refresh arms it then).</summary>
    private void Arm(ScheduledReminder reminder, DateTime now)
    {
        var notBefore = reminder.LastTick is { } last && last >= now ? last.AddTicks(1) : now;
        if (ReminderSchedule.NextTick(reminder.Entry.StartAt, reminder.Entry.Period, notBefore) is not { } next)
            return;
        reminder.NextTick = next;
        var delay = next - now;
        if (delay > _options.ReminderLoadingWindow)
            return;

        var pending = new PendingTick();
        reminder.Pending = pending;
        var timer = _time.CreateTimer(_ => OnTimer(reminder, pending), null, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
        // A timer may fire inside CreateTimer (a fake clock does for a zero delay); then this tick is already taken.
        if (reminder.Pending == pending)
            pending.Timer = timer;
        else
            timer.Dispose();
    }

    private void OnTimer(ScheduledReminder reminder, PendingTick pending)
    {
        DateTime due;
        lock (_lock)
        {
            if (reminder.Disposed || _stopped || reminder.Pending != pending)
                return;
            pending.Timer?.Dispose();
            reminder.Pending = null;
            reminder.Firing = true;
            due = reminder.NextTick;
            reminder.LastTick = due;
        }
        _ = DeliverAsync(reminder, due);
    }

    private async Task DeliverAsync(ScheduledReminder reminder, DateTime due)
    {
        var entry = reminder.Entry;
        try
        {
            var grain = _grains.GetGrain<IRemindable>(entry.GrainId);
            await grain.ReceiveReminder(entry.ReminderName, new TickStatus(entry.StartAt, entry.Period, due)).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogTickFailed(exception, entry.ReminderName, entry.GrainId, due);
        }

        lock (_lock)
        {
            reminder.Firing = false;
            if (reminder.Disposed || _stopped)
                return;
            Arm(reminder, UtcNow);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminder rows of ranges {Ranges} refreshed: {Count} rows")]
    private partial void LogRefreshed(string ranges, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the reminder table failed; retrying in {RetryIn}")]
    private partial void LogRefreshFailed(Exception exception, TimeSpan retryIn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderName} of grain {GrainId}: the tick due at {Due:O} failed; the schedule goes on")]
    private partial void LogTickFailed(Exception exception, string reminderName, GrainId grainId, DateTime due);

    /// <summary>One reminder's row and its next tick; guarded by the service's lock.</summary>
    private sealed class ScheduledReminder(ReminderEntry entry) : IDisposable
    {
        public ReminderEntry Entry { get; } = entry;

        public DateTime NextTick { get; set; }

        /// <summary>The due time of the last tick taken for delivery, which must never be delivered twice.</summary>
        public DateTime? LastTick { get; set; }

        /// <summary>The armed timer; null while the next tick is beyond the loading window or being delivered.</summary>
        public PendingTick? Pending { get; set; }

        /// <summary>A tick is being delivered: the timer is re-armed when it completes, so ticks never overlap.</summary>
        public bool Firing { get; set; }

        public bool Disposed { get; private set; }

        public void Dispose()
        {
            Disposed = true;
            Pending?.Timer?.Dispose();
            Pending = null;
        }
    }

    /// <summary>One arming of a reminder's timer: a callback from an older arming finds itself replaced and does nothing.</summary>
    private sealed class PendingTick
    {
        public ITimer? Timer { get; set; }
    }
}

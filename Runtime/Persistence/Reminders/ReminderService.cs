using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Storage;

namespace QuantumScheduler.Runtime.Reminders;

/// <summary>
/// Registers, reads and removes reminders in the <see cref="IReminderTable"/> (the source of truth) and tells
/// the <see cref="LocalReminderService"/>, so a change takes effect at once rather than at the next refresh.
/// </summary>
public sealed class ReminderService : IReminderRegistry
{
    private readonly IReminderTable _table;
    private readonly LocalReminderService _local;
    private readonly ReminderOptions _options;
    private readonly TimeProvider _time;

    public ReminderService(IReminderTable table, LocalReminderService local, IOptions<ReminderOptions> options, TimeProvider time)
    {
        _table = table;
        _local = local;
        _options = options.Value;
        _time = time;
    }

    /// <summary>Registers <paramref name="reminderName"/>, replacing one of the same name: its first tick is
    /// <paramref name="dueTime"/> from now, then every <paramref name="period"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative or infinite due time, or a period that is infinite
    /// or below <see cref="ReminderOptions.MinimumReminderPeriod"/>.</exception>
    public async Task<IGrainReminder> RegisterOrUpdateReminder(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ThrowIfInvalidKey(grainId, reminderName);
        var now = _time.GetUtcNow().UtcDateTime;
        ThrowIfInvalidSchedule(grainId, reminderName, dueTime, period, now);

        var entry = new ReminderEntry { GrainId = grainId, ReminderName = reminderName, StartAt = now + dueTime, Period = period };
        entry = entry with { ETag = await _table.UpsertRowAsync(entry, CancellationToken.None).ConfigureAwait(false) };
        _local.OnUpserted(entry);
        return GrainReminder.From(entry);
    }

    /// <summary>Removes the reminder. Removing one that is already gone does nothing; a handle to a reminder
    /// that has been registered again since is refused, so a stale handle cannot cancel its replacement.</summary>
    public async Task UnregisterReminder(GrainId grainId, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ThrowIfInvalidKey(grainId, reminder.ReminderName);
        if (reminder is GrainReminder handle && handle.GrainId != grainId)
            throw new ArgumentException($"Reminder '{reminder.ReminderName}' belongs to grain '{handle.GrainId}', not to '{grainId}'.", nameof(reminder));

        var name = reminder.ReminderName;
        var etag = (reminder as GrainReminder)?.ETag
            ?? (await _table.ReadRowAsync(grainId, name, CancellationToken.None).ConfigureAwait(false))?.ETag;
        if (etag is not null && !await _table.RemoveRowAsync(grainId, name, etag, CancellationToken.None).ConfigureAwait(false))
        {
            var stored = await _table.ReadRowAsync(grainId, name, CancellationToken.None).ConfigureAwait(false);
            if (stored is not null)
                throw new InvalidOperationException(
                    $"Reminder '{name}' of grain '{grainId}' was registered again after this handle was obtained (handle ETag '{etag}', stored ETag '{stored.ETag}'); " +
                    "nothing was removed. Unregister the handle GetReminder returns.");
        }
        _local.OnRemoved(grainId, name);
    }

    public async Task<IGrainReminder?> GetReminder(GrainId grainId, string reminderName)
    {
        ThrowIfInvalidKey(grainId, reminderName);
        var row = await _table.ReadRowAsync(grainId, reminderName, CancellationToken.None).ConfigureAwait(false);
        return row is null ? null : GrainReminder.From(row);
    }

    public async Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId grainId)
    {
        if (grainId.IsDefault)
            throw new ArgumentException("The grain id is the default (empty) GrainId.", nameof(grainId));
        var rows = await _table.ReadRowsAsync(grainId, CancellationToken.None).ConfigureAwait(false);
        return rows.Select(GrainReminder.From).ToArray();
    }

    private static void ThrowIfInvalidKey(GrainId grainId, string reminderName)
    {
        if (grainId.IsDefault)
            throw new ArgumentException($"Reminder '{reminderName}' was given the default (empty) GrainId.", nameof(grainId));
        if (string.IsNullOrEmpty(reminderName))
            throw new ArgumentException($"A reminder of grain '{grainId}' needs a non-empty name.", nameof(reminderName));
    }

    private void ThrowIfInvalidSchedule(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period, DateTime now)
    {
        var subject = $"Reminder '{reminderName}' of grain '{grainId}'";
        if (dueTime == Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, $"{subject}: an infinite due time is not supported; a reminder must tick.");
        if (dueTime < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, $"{subject}: the due time must be zero or positive.");
        if (dueTime > DateTime.MaxValue - now)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, $"{subject}: the due time reaches past the largest representable date.");
        if (period == Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"{subject}: an infinite period is not supported; for a one-shot reminder, unregister it in its first tick.");
        if (period < _options.MinimumReminderPeriod)
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"{subject}: the period {period} is below ReminderOptions.MinimumReminderPeriod ({_options.MinimumReminderPeriod}); use a grain timer for shorter intervals.");
    }
}

using System.Globalization;
using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Runtime.Storage;

/// <summary>
/// Reminder rows held in process memory (tests and throw-away silos): lost when the process ends, so its
/// reminders are not durable.
/// </summary>
/// <remarks>ETags come from one counter per table and are never reused, so a handle to a removed and
/// re-registered reminder cannot remove its successor.</remarks>
public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly Dictionary<(GrainId GrainId, string Name), ReminderEntry> _rows = [];
    private readonly Lock _lock = new();
    private long _lastEtag;

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint beginHash, uint endHash, CancellationToken cancellationToken)
    {
        var range = new RingRange(beginHash, endHash);
        return Select(row => range.Contains(row.GrainId), cancellationToken);
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) =>
        Select(row => row.GrainId == grainId, cancellationToken);

    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
            return Task.FromResult(_rows.GetValueOrDefault((grainId, reminderName)));
    }

    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ReminderEntryValidation.ThrowIfInvalid(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var etag = (++_lastEtag).ToString(CultureInfo.InvariantCulture);
            _rows[(entry.GrainId, entry.ReminderName)] = entry with { ETag = etag };
            return Task.FromResult(etag);
        }
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var key = (grainId, reminderName);
            var removed = _rows.TryGetValue(key, out var row) && string.Equals(row.ETag, etag, StringComparison.Ordinal) && _rows.Remove(key);
            return Task.FromResult(removed);
        }
    }

    private Task<IReadOnlyList<ReminderEntry>> Select(Func<ReminderEntry, bool> predicate, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
            return Task.FromResult<IReadOnlyList<ReminderEntry>>(_rows.Values.Where(predicate).ToArray());
    }
}

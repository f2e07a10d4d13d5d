namespace QuantumScheduler.Runtime.Storage;

/// <summary>
/// Durable reminder rows. Ranges are over <see cref="GrainId.GetUniformHashCode"/>: (begin, end], wrapping
/// when begin &gt;= end, so a silo can read exactly the reminders it owns on the hash ring.
/// </summary>
public interface IReminderTable
{
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint beginHash, uint endHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken);

    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the row; returns its new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Deletes the row if its ETag still matches; false when it does not.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken);
}

/// <summary>A reminder: ticks at <see cref="StartAt"/> + k × <see cref="Period"/>.</summary>
public sealed record ReminderEntry
{
    public required GrainId GrainId { get; init; }
    public required string ReminderName { get; init; }
    public required DateTime StartAt { get; init; }
    public required TimeSpan Period { get; init; }
    public string? ETag { get; init; }
}

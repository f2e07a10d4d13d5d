namespace QuantumScheduler.Runtime.Reminders;

/// <summary>
/// Tick arithmetic: a reminder ticks at StartAt + k × Period (k = 0, 1, …), always counted from the stored
/// start, so ticks never drift however late a callback runs.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>The first tick at or after <paramref name="notBefore"/>; null when it would fall past
    /// <see cref="DateTime.MaxValue"/>.</summary>
    public static DateTime? NextTick(DateTime startAt, TimeSpan period, DateTime notBefore)
    {
        if (period <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(period), period, "A reminder period must be positive.");
        if (notBefore <= startAt)
            return startAt;
        var elapsed = (notBefore - startAt).Ticks;
        var periods = elapsed / period.Ticks + (elapsed % period.Ticks == 0 ? 0 : 1);
        var offset = (decimal)periods * period.Ticks;
        return offset > DateTime.MaxValue.Ticks - startAt.Ticks
            ? null
            : new DateTime(startAt.Ticks + (long)offset, DateTimeKind.Utc);
    }
}

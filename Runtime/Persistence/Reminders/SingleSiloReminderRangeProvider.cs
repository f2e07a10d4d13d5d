namespace QuantumScheduler.Runtime.Reminders;

/// <summary>A lone silo owns the whole ring.</summary>
public sealed class SingleSiloReminderRangeProvider : IReminderRangeProvider
{
    public RingRange GetOwnedRange() => RingRange.Full;
}

namespace QuantumScheduler.Runtime.Reminders;

/// <summary>Which part of the hash ring this silo's reminder service owns; a cluster reassigns it as silos
/// join and leave.</summary>
public interface IReminderRangeProvider
{
    RingRange GetOwnedRange();
}

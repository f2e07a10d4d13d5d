namespace QuantumScheduler.Runtime.Reminders;

/// <summary>Which part of the hash ring this silo's reminder service owns; a cluster reassigns it as silos
/// join and leave. Implement <see cref="GetOwnedRange"/> when the owned part is one range, or
/// <see cref="GetOwnedRanges"/> when it is several.</summary>
public interface IReminderRangeProvider
{
    /// <summary>The owned part of the ring when it is a single range.</summary>
    /// <exception cref="NotSupportedException">The provider owns several ranges (use <see cref="GetOwnedRanges"/>).</exception>
    RingRange GetOwnedRange() => GetOwnedRanges() is [var only]
        ? only
        : throw new NotSupportedException($"{GetType().Name} owns several ranges of the ring; call {nameof(GetOwnedRanges)}.");

    /// <summary>The owned part of the ring as disjoint ranges; empty when this silo owns nothing (not active yet).</summary>
    IReadOnlyList<RingRange> GetOwnedRanges() => [GetOwnedRange()];

    /// <summary>Raised after the owned ranges changed (the reminder service then re-reads its rows). Providers whose
    /// ranges never change need not implement it.</summary>
    event Action? RangesChanged
    {
        add { }
        remove { }
    }
}

using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Reminders;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// The reminder ranges this silo owns on a <see cref="ConsistentRing"/> of the active silos of the membership view.
/// It owns nothing until it is active itself; when the view changes, the ranges are recomputed and
/// <see cref="RangesChanged"/> tells the reminder service to re-read its rows, so the reminders of a silo that died
/// or left start firing on the survivors.
/// </summary>
public sealed class ConsistentRingReminderRangeProvider : IReminderRangeProvider, IDisposable
{
    private readonly IClusterMembershipView _view;
    private readonly ILocalSiloDetails _local;
    private readonly int _pointsPerSilo;
    private OwnedRanges _owned;

    public ConsistentRingReminderRangeProvider(IClusterMembershipView view, ILocalSiloDetails local, IOptions<ConsistentRingOptions> options)
    {
        _view = view;
        _local = local;
        _pointsPerSilo = options.Value.NumVirtualBuckets;
        _owned = Compute(view.Current);
        view.Changed += OnViewChanged;
    }

    public event Action? RangesChanged;

    public IReadOnlyList<RingRange> GetOwnedRanges() => Volatile.Read(ref _owned).Ranges;

    public void Dispose() => _view.Changed -= OnViewChanged;

    private void OnViewChanged(ClusterMembershipSnapshot snapshot)
    {
        var current = Volatile.Read(ref _owned);
        if (snapshot.Version <= current.Version)
            return;
        var next = Compute(snapshot);
        Volatile.Write(ref _owned, next);
        if (!next.Ranges.SequenceEqual(current.Ranges))
            RangesChanged?.Invoke();
    }

    private OwnedRanges Compute(ClusterMembershipSnapshot snapshot)
    {
        var self = _local.Address;
        return new(snapshot.Version, snapshot.StatusOf(self) == SiloStatus.Active ? ConsistentRing.OwnedRanges(snapshot.ActiveSilos, self, _pointsPerSilo) : []);
    }

    /// <summary>The ranges computed from one view version, swapped as a whole.</summary>
    private sealed record OwnedRanges(long Version, IReadOnlyList<RingRange> Ranges);
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.Membership;

namespace QuantumScheduler.Runtime.GrainDirectory;

/// <summary>
/// This silo's memory of which silo hosts a grain, so a call to a known grain skips the directory. It may be stale:
/// a silo that receives a call for a grain it no longer hosts forwards it, and the response (coming from another
/// silo) corrects the entry; entries for silos the membership view declares dead are dropped when the view changes.
/// Bounded by <see cref="TransportOptions.DirectoryCacheSize"/>: when full, an arbitrary tenth is evicted.
/// </summary>
internal sealed class DirectoryCache(IOptions<TransportOptions> options)
{
    private readonly ConcurrentDictionary<GrainId, SiloAddress> _entries = new();
    private readonly int _capacity = options.Value.DirectoryCacheSize;

    public int Count => _entries.Count;

    public bool TryGet(GrainId grainId, out SiloAddress silo) => _entries.TryGetValue(grainId, out silo!);

    public void Set(GrainId grainId, SiloAddress silo)
    {
        if (_entries.Count >= _capacity && !_entries.ContainsKey(grainId))
            EvictSome();
        _entries[grainId] = silo;
    }

    /// <summary>Forgets the entry if it still points at <paramref name="silo"/>.</summary>
    public void Invalidate(GrainId grainId, SiloAddress silo) => _entries.TryRemove(new KeyValuePair<GrainId, SiloAddress>(grainId, silo));

    /// <summary>Drops every entry whose silo <paramref name="snapshot"/> declares dead.</summary>
    public void RemoveDeadSilos(ClusterMembershipSnapshot snapshot)
    {
        var dead = new HashSet<SiloAddress>();
        var alive = new HashSet<SiloAddress>();
        foreach (var entry in _entries)
        {
            var silo = entry.Value;
            if (alive.Contains(silo))
                continue;
            if (dead.Contains(silo) || snapshot.IsDead(silo))
            {
                dead.Add(silo);
                _entries.TryRemove(entry);
            }
            else
            {
                alive.Add(silo);
            }
        }
    }

    private void EvictSome()
    {
        var toEvict = Math.Max(1, _capacity / 10);
        foreach (var key in _entries.Keys)
        {
            if (toEvict-- <= 0)
                break;
            _entries.TryRemove(key, out _);
        }
    }
}

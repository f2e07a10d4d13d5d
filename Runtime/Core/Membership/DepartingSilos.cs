using System.Collections.Concurrent;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Membership;

/// <summary>
/// Silos that told this one directly, over the transport, that they are leaving the cluster. The membership table says
/// the same only when this silo next reads it (seconds later); until then these are neither placed on nor sent new
/// requests: a request for one is refused as not run, and the caller's runtime resends it elsewhere.
/// </summary>
internal sealed class DepartingSilos
{
    private readonly ConcurrentDictionary<SiloAddress, byte> _silos = new();

    public void Add(SiloAddress silo) => _silos.TryAdd(silo, 0);

    public bool Contains(SiloAddress silo) => !_silos.IsEmpty && _silos.ContainsKey(silo);

    /// <summary>Forgets the silos <paramref name="snapshot"/> declares dead: from then on the router and placement skip
    /// them by the view itself. (A silo still shutting down stays here: until it is dead, a request for it must keep
    /// counting as its refusal.)</summary>
    public void Prune(ClusterMembershipSnapshot snapshot)
    {
        foreach (var silo in _silos.Keys)
        {
            if (snapshot.IsDead(silo))
                _silos.TryRemove(silo, out _);
        }
    }
}

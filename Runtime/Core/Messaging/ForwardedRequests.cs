using System.Collections.Concurrent;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Messaging;

/// <summary>
/// Requests this silo passed on for another silo (a forward after a lost registration race or a stale cache). Their
/// response goes from the callee straight to the original sender, whose callback waits for the silo it sent to — not
/// for the one the request was forwarded to. If that second silo is lost, only this silo knows, so it answers the
/// sender with "may have run" instead of leaving the call to its timeout. Entries leave at their deadline.
/// </summary>
internal sealed class ForwardedRequests
{
    private readonly ConcurrentDictionary<Message, SiloAddress> _inFlight = new(ReferenceEqualityComparer.Instance);

    public void Add(Message request, SiloAddress target)
    {
        if (request.Direction == MessageDirection.Request)
            _inFlight[request] = target;
    }

    /// <summary>Removes and returns the unexpired requests forwarded to silos matching <paramref name="isLost"/>;
    /// expired entries are dropped on the way (their senders have stopped waiting).</summary>
    public List<Message> TakeWhere(Func<SiloAddress, bool> isLost)
    {
        var now = Environment.TickCount64;
        var lost = new List<Message>();
        foreach (var (request, target) in _inFlight)
        {
            var expired = request.IsExpired(now);
            if ((expired || isLost(target)) && _inFlight.TryRemove(request, out _) && !expired)
                lost.Add(request);
        }
        return lost;
    }
}

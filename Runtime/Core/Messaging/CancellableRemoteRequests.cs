using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Messaging;

/// <summary>The requests other silos sent here that their callers may still cancel (those with a cancellation token),
/// by sender and message id: from the moment they are read off the connection until they are answered or leave this
/// silo (forwarded, re-routed).</summary>
internal sealed class CancellableRemoteRequests
{
    private const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<(SiloAddress Sender, long Id), Message> _requests = new();
    private int _added;

    public void Add(Message request)
    {
        _requests[(request.SendingSilo!, request.Id)] = request;
        // A request that expires in a queue is dropped without an answer; its entry goes here, now and then.
        if (Interlocked.Increment(ref _added) % SweepEvery == 0)
            RemoveExpired();
    }

    public bool TryTake(SiloAddress sender, long id, [NotNullWhen(true)] out Message? request) => _requests.TryRemove((sender, id), out request);

    private void RemoveExpired()
    {
        var now = Environment.TickCount64;
        foreach (var (key, request) in _requests)
        {
            if (request.IsExpired(now))
                _requests.TryRemove(key, out _);
        }
    }

    public void Remove(Message request)
    {
        if (!_requests.IsEmpty && request.SendingSilo is { } sender)
            _requests.TryRemove(new KeyValuePair<(SiloAddress, long), Message>((sender, request.Id), request));
    }
}

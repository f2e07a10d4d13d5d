using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Configuration;
using QuantumScheduler.Grains.Jobs;

namespace QuantumScheduler.Grains.Caching;

/// <summary>
/// The solution cache of one silo: at most <see cref="SolutionCacheOptions.Size"/> results, least recently used evicted
/// first, each living <see cref="SolutionCacheOptions.Ttl"/> from when it was stored. In memory per silo: a job whose
/// grain lives on another silo misses what this one has cached (a distributed cache is a later step). Thread-safe.
/// </summary>
public sealed class SolutionCache
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);
    /// <summary>Most recently used first.</summary>
    private readonly LinkedList<Entry> _recency = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly TimeSpan _ttl;
    private long _hits;
    private long _misses;

    public SolutionCache(IOptions<SchedulerOptions> options, TimeProvider time)
    {
        _capacity = options.Value.Cache.Size;
        _ttl = options.Value.Cache.Ttl;
        _time = time;
    }

    public int Count
    {
        get
        {
            lock (_gate)
                return _byKey.Count;
        }
    }

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>The cached result for <paramref name="key"/> if it has not expired.</summary>
    public bool TryGet(string key, out JobResult result)
    {
        lock (_gate)
        {
            if (_byKey.TryGetValue(key, out var node))
            {
                if (node.Value.ExpiresAt > _time.GetUtcNow())
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    result = node.Value.Result;
                    Interlocked.Increment(ref _hits);
                    return true;
                }
                Remove(node);
            }
        }
        Interlocked.Increment(ref _misses);
        result = null!;
        return false;
    }

    /// <summary>Stores (or replaces) <paramref name="result"/>, evicting the least recently used entry when full.</summary>
    public void Set(string key, JobResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_capacity <= 0)
            return;
        lock (_gate)
        {
            if (_byKey.TryGetValue(key, out var existing))
                Remove(existing);
            while (_byKey.Count >= _capacity)
                Remove(_recency.Last!);
            var node = _recency.AddFirst(new Entry(key, result, _time.GetUtcNow() + _ttl));
            _byKey[key] = node;
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _byKey.Remove(node.Value.Key);
    }

    private sealed record Entry(string Key, JobResult Result, DateTimeOffset ExpiresAt);
}

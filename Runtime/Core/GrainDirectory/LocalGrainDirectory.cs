using System.Collections.Concurrent;

namespace QuantumScheduler.Runtime.GrainDirectory;

/// <summary>The in-process directory of a single silo (the embedded default).</summary>
public sealed class LocalGrainDirectory : IGrainDirectory
{
    private readonly ConcurrentDictionary<GrainId, GrainAddress> _entries = new();

    public ValueTask<GrainAddress> RegisterAsync(GrainAddress address, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_entries.GetOrAdd(address.GrainId, address));

    public ValueTask<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_entries.TryRemove(new KeyValuePair<GrainId, GrainAddress>(address.GrainId, address)));

    public ValueTask<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_entries.TryGetValue(grainId, out var address) ? address : null);

    public ValueTask UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken = default)
    {
        foreach (var entry in _entries)
        {
            if (silos.Contains(entry.Value.Silo))
                _entries.TryRemove(entry);
        }
        return ValueTask.CompletedTask;
    }
}

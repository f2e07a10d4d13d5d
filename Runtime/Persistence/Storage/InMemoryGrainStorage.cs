using System.Globalization;

namespace QuantumScheduler.Runtime.Storage;

/// <summary>
/// Grain state held in process memory, with the same ETag rules as the durable providers (tests and
/// throw-away silos). Lost when the process ends.
/// </summary>
/// <remarks>ETags are decimal versions. A clear leaves a tombstone whose version keeps counting, so an ETag
/// from before the clear can never write again.</remarks>
public sealed class InMemoryGrainStorage : IGrainStorage
{
    private readonly Dictionary<StateKey, StoredState> _states = [];
    private readonly Lock _lock = new();

    public InMemoryGrainStorage(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The provider's registered name, used in error messages.</summary>
    public string Name { get; }

    public Task<GrainStateRecord?> ReadAsync(string grainType, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        GrainStorageArguments.ThrowIfInvalid(grainType, stateName, grainId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var found = _states.TryGetValue(new StateKey(grainType, stateName, grainId), out var stored) && stored.Data is not null;
            return Task.FromResult(found ? new GrainStateRecord(stored!.Data!.ToArray(), stored.Etag) : null);
        }
    }

    public Task<string> WriteAsync(string grainType, string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken)
    {
        GrainStorageArguments.ThrowIfInvalid(grainType, stateName, grainId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Replace("write", grainType, stateName, grainId, data.ToArray(), expectedEtag));
    }

    public Task<string> ClearAsync(string grainType, string stateName, GrainId grainId, string? expectedEtag, CancellationToken cancellationToken)
    {
        GrainStorageArguments.ThrowIfInvalid(grainType, stateName, grainId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Replace("clear", grainType, stateName, grainId, data: null, expectedEtag));
    }

    private string Replace(string operation, string grainType, string stateName, GrainId grainId, byte[]? data, string? expectedEtag)
    {
        var key = new StateKey(grainType, stateName, grainId);
        lock (_lock)
        {
            var stored = _states.GetValueOrDefault(key);
            var matches = expectedEtag is null
                ? stored?.Data is null
                : stored is not null && string.Equals(stored.Etag, expectedEtag, StringComparison.Ordinal);
            if (!matches)
                throw GrainStorageConflict.Create(Name, operation, grainType, stateName, grainId, expectedEtag, stored?.Etag, stored is { Data: null });

            var next = new StoredState(data, (stored?.Version ?? 0) + 1);
            _states[key] = next;
            return next.Etag;
        }
    }

    private readonly record struct StateKey(string GrainType, string StateName, GrainId GrainId);

    /// <summary>A stored version; <see cref="Data"/> is null for a tombstone.</summary>
    private sealed record StoredState(byte[]? Data, long Version)
    {
        public string Etag { get; } = Version.ToString(CultureInfo.InvariantCulture);
    }
}

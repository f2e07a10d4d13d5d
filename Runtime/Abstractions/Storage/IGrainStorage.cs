namespace QuantumScheduler.Runtime.Storage;

/// <summary>
/// A grain state provider, registered as a keyed service by provider name ("Default" unless named).
/// Every write is conditional on the ETag: a mismatch throws <see cref="InconsistentStateException"/>
/// and writes nothing; a null expected ETag means insert-only. Clearing keeps the version moving, so an
/// ETag from before a clear can never write again.
/// </summary>
public interface IGrainStorage
{
    /// <summary>The stored record, or null when none exists (or it was cleared).</summary>
    Task<GrainStateRecord?> ReadAsync(string grainType, string stateName, GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Writes the state and returns the new ETag.</summary>
    Task<string> WriteAsync(string grainType, string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken);

    /// <summary>Removes the state and returns the new ETag (the tombstone's version).</summary>
    Task<string> ClearAsync(string grainType, string stateName, GrainId grainId, string? expectedEtag, CancellationToken cancellationToken);
}

/// <summary>Stored grain state: the serialised bytes and their version token.</summary>
public sealed record GrainStateRecord(byte[] Data, string Etag);

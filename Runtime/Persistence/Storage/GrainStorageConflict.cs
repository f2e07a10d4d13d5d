namespace QuantumScheduler.Runtime.Storage;

/// <summary>
/// Builds the <see cref="InconsistentStateException"/> every provider throws on an ETag mismatch, so the message
/// names the same facts (provider, grain, state, both ETags) whichever provider refused the write.
/// </summary>
public static class GrainStorageConflict
{
    /// <param name="storageName">The provider's registered name.</param>
    /// <param name="operation">What was refused: "write" or "clear".</param>
    /// <param name="grainType">The grain type the state is stored under.</param>
    /// <param name="stateName">The state's name.</param>
    /// <param name="grainId">The grain.</param>
    /// <param name="expectedEtag">The ETag the caller held (null: insert-only).</param>
    /// <param name="storedEtag">The ETag in storage when the write was refused (null: no record).</param>
    /// <param name="storedIsCleared">Whether the stored record is a tombstone left by a clear.</param>
    public static InconsistentStateException Create(
        string storageName, string operation, string grainType, string stateName, GrainId grainId,
        string? expectedEtag, string? storedEtag, bool storedIsCleared)
    {
        var expected = expectedEtag is null ? "none (insert-only)" : $"'{expectedEtag}'";
        var stored = storedEtag is null ? "none (no record)" : storedIsCleared ? $"'{storedEtag}' (cleared)" : $"'{storedEtag}'";
        var message =
            $"Grain storage '{storageName}' refused to {operation} state '{stateName}' of grain '{grainId}' (grain type '{grainType}'): " +
            $"expected ETag {expected} but the stored ETag is {stored}. Nothing was written; read the state again before retrying.";
        return new InconsistentStateException(message, storedEtag, expectedEtag);
    }
}

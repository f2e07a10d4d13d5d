namespace QuantumScheduler.Runtime.GrainDirectory;

/// <summary>
/// Maps each grain to its single activation. Registration is first-writer-wins: it never overwrites an
/// existing entry and returns the entry that won, so a caller whose activation lost knows it is a duplicate.
/// </summary>
public interface IGrainDirectory
{
    /// <summary>Registers <paramref name="address"/> unless another activation is registered; returns the winner.</summary>
    ValueTask<GrainAddress> RegisterAsync(GrainAddress address, CancellationToken cancellationToken = default);

    /// <summary>Removes the entry only if it is still <paramref name="address"/> (same activation).</summary>
    ValueTask<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken = default);

    ValueTask<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Removes every entry on the given (dead) silos.</summary>
    ValueTask UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken = default);
}

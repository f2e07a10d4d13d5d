namespace QuantumScheduler.Runtime.Messaging;

/// <summary>One activation waiting upstream in a call chain.</summary>
public readonly record struct CallChainEntry(GrainId GrainId, Guid ActivationId);

/// <summary>
/// The activations a request passed through on its way here, oldest first; each of them is waiting for
/// this request to finish. A request that would enter one of them again closes a cycle. Immutable: the
/// chain of a downstream call is this chain plus the calling activation.
/// </summary>
public readonly struct CallChain
{
    private readonly CallChainEntry[]? _entries;

    private CallChain(CallChainEntry[] entries) => _entries = entries;

    public static CallChain Empty => default;

    public int Count => _entries?.Length ?? 0;

    public ReadOnlySpan<CallChainEntry> Entries => _entries;

    public CallChain Append(CallChainEntry entry)
    {
        var entries = new CallChainEntry[Count + 1];
        _entries?.CopyTo(entries, 0);
        entries[^1] = entry;
        return new CallChain(entries);
    }

    public bool Contains(Guid activationId)
    {
        foreach (var entry in Entries)
        {
            if (entry.ActivationId == activationId)
                return true;
        }
        return false;
    }

    public IEnumerable<GrainId> GrainIds => (_entries ?? []).Select(static entry => entry.GrainId);

    public override string ToString() => string.Join(" → ", GrainIds);
}

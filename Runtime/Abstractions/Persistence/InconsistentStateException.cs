namespace QuantumScheduler.Runtime;

/// <summary>A state write whose ETag no longer matches the stored one; nothing was written.</summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message) : base(message) { }

    public InconsistentStateException(string message, string? storedEtag, string? currentEtag) : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    public string? StoredEtag { get; }

    public string? CurrentEtag { get; }
}

namespace QuantumScheduler.Runtime;

/// <summary>
/// The identity of a grain: its grain type and its key, written <c>type/key</c> as in Orleans.
/// The key encodings follow Orleans: long keys as upper-case hex, Guid keys as 32 hex digits ("N"),
/// compound keys as primary key, '+', extension.
/// </summary>
public readonly struct GrainId : IEquatable<GrainId>, IComparable<GrainId>
{
    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        if (type.Contains('/'))
            throw new ArgumentException($"grain type \"{type}\" must not contain '/'", nameof(type));
        Type = type;
        Key = key;
    }

    /// <summary>The grain type name (durable: persisted data is keyed by it).</summary>
    public string Type { get; }

    /// <summary>The encoded key.</summary>
    public string Key { get; }

    public bool IsDefault => Type is null;

    /// <summary>A hash that is the same in every process: it drives directory ownership, placement and reminder ranges.</summary>
    public uint GetUniformHashCode() => unchecked(XxHash32.Hash(Type) * 31 + XxHash32.Hash(Key));

    public static GrainId Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash <= 0)
            throw new FormatException($"\"{text}\" is not a grain id of the form type/key");
        return new GrainId(text[..slash], text[(slash + 1)..]);
    }

    public bool Equals(GrainId other) => string.Equals(Type, other.Type, StringComparison.Ordinal) && string.Equals(Key, other.Key, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Type, Key);
    public int CompareTo(GrainId other)
    {
        var byType = string.CompareOrdinal(Type, other.Type);
        return byType != 0 ? byType : string.CompareOrdinal(Key, other.Key);
    }
    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);
    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
    public override string ToString() => $"{Type}/{Key}";
}

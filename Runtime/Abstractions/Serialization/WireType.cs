namespace QuantumScheduler.Runtime.Serialization;

/// <summary>
/// How a field's payload is laid out on the wire. A reader that does not know a field id still knows
/// from its wire type how many bytes to skip, which is what makes the format version tolerant.
/// </summary>
public enum WireType : byte
{
    /// <summary>A LEB128 varint (signed values are zig-zag encoded).</summary>
    VarInt = 0,

    /// <summary>Four little-endian bytes.</summary>
    Fixed32 = 1,

    /// <summary>Eight little-endian bytes.</summary>
    Fixed64 = 2,

    /// <summary>A varint byte count followed by that many bytes (strings, byte arrays, Guid, decimal).</summary>
    LengthPrefixed = 3,

    /// <summary>A group of fields of the field's declared type, closed by an <see cref="EndObject"/> tag.</summary>
    StartObject = 4,

    /// <summary>Closes a group (field id 0) or the base-class section of a group (field id 1).</summary>
    EndObject = 5,

    /// <summary>A varint reference: 0 is null, n is the n-th group of this message (shared or cyclic object).</summary>
    Reference = 6,

    /// <summary>A type identity followed by one nested field holding the value (polymorphic value).</summary>
    TypedValue = 7,
}

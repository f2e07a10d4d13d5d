namespace QuantumScheduler.Runtime.Serialization;

/// <summary>A decoded field header: the member's id, its wire type and, for a group, its reference id.</summary>
public readonly struct Field
{
    internal const uint EndObjectId = 0;
    internal const uint EndBaseId = 1;

    public Field(uint fieldId, WireType wireType, uint referenceId = 0)
    {
        FieldId = fieldId;
        WireType = wireType;
        ReferenceId = referenceId;
    }

    public uint FieldId { get; }

    public WireType WireType { get; }

    /// <summary>For <see cref="WireType.StartObject"/>: the ordinal other fields use to refer back to this object.</summary>
    public uint ReferenceId { get; }

    /// <summary>The end of a group or of its base-class section.</summary>
    public bool IsEndMarker => WireType == WireType.EndObject;

    /// <summary>The end of the whole group (not just of a base-class section).</summary>
    public bool IsEndObject => WireType == WireType.EndObject && FieldId == EndObjectId;

    public override string ToString() => $"field {FieldId} ({WireType})";
}

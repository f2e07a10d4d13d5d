namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>A varint 0 or 1.</summary>
public sealed class BooleanCodec : FieldCodec<bool>
{
    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, bool value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteByte(value ? (byte)1 : (byte)0);
    }

    public override bool ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.VarInt);
        return reader.ReadVarUInt64() != 0;
    }
}

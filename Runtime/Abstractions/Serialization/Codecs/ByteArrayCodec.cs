namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>The raw bytes, length-prefixed; null as reference 0. Shared arrays are not tracked (each occurrence is copied).</summary>
public sealed class ByteArrayCodec : FieldCodec<byte[]>
{
    public override void WriteField(Writer writer, uint fieldId, byte[] value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }
        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteLengthPrefixed(value);
    }

    public override byte[] ReadValue(ref Reader reader, Field field) => field.WireType switch
    {
        WireType.LengthPrefixed => reader.ReadLengthPrefixed().ToArray(),
        WireType.Reference => reader.ReadReference<byte[]>(),
        _ => throw WireFormatException.UnexpectedWireType(typeof(byte[]), field),
    };
}

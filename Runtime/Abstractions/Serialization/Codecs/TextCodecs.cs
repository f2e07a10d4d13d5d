namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>Length-prefixed UTF-8; null as reference 0.</summary>
public sealed class StringCodec : FieldCodec<string>
{
    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, string value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }
        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteString(value);
    }

    public override string ReadValue(ref Reader reader, Field field) => field.WireType switch
    {
        WireType.LengthPrefixed => reader.ReadString(),
        WireType.Reference => reader.ReadReference<string>(),
        _ => throw WireFormatException.UnexpectedWireType(typeof(string), field),
    };
}

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

/// <summary>16 length-prefixed bytes.</summary>
public sealed class GuidCodec : FieldCodec<Guid>
{
    private const int Size = 16;

    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, Guid value)
    {
        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        value.TryWriteBytes(writer.WriteLengthPrefixed(Size));
    }

    public override Guid ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.LengthPrefixed);
        var source = reader.ReadLengthPrefixed();
        return source.Length == Size ? new Guid(source) : throw new WireFormatException($"A Guid takes {Size} bytes, {field} has {source.Length}.");
    }
}

namespace QuantumScheduler.Runtime.Serialization.Codecs;

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

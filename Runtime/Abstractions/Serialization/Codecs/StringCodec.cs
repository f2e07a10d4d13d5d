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

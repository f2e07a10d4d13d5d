namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>The text form <c>type/key</c>, length-prefixed; the default id as null.</summary>
public sealed class GrainIdCodec : FieldCodec<GrainId>
{
    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, GrainId value)
    {
        if (value.IsDefault)
        {
            writer.WriteNull(fieldId);
            return;
        }
        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteString(value.ToString());
    }

    public override GrainId ReadValue(ref Reader reader, Field field)
    {
        switch (field.WireType)
        {
            case WireType.Reference when reader.ReadVarUInt32() == 0:
                return default;
            case WireType.LengthPrefixed:
                var text = reader.ReadString();
                try
                {
                    return GrainId.Parse(text);
                }
                catch (Exception e) when (e is FormatException or ArgumentException)
                {
                    throw new WireFormatException($"{field}: \"{text}\" is not a grain id.", e);
                }
            default:
                throw WireFormatException.UnexpectedWireType(typeof(GrainId), field);
        }
    }
}

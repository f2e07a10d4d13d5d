namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>IEEE 754 single precision, four bytes.</summary>
public sealed class SingleCodec : FieldCodec<float>
{
    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, float value)
    {
        writer.WriteFieldHeader(fieldId, WireType.Fixed32);
        writer.WriteFixed32(BitConverter.SingleToUInt32Bits(value));
    }

    public override float ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.Fixed32);
        return BitConverter.UInt32BitsToSingle(reader.ReadFixed32());
    }
}

/// <summary>IEEE 754 double precision, eight bytes.</summary>
public sealed class DoubleCodec : FieldCodec<double>
{
    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, double value)
    {
        writer.WriteFieldHeader(fieldId, WireType.Fixed64);
        writer.WriteFixed64(BitConverter.DoubleToUInt64Bits(value));
    }

    public override double ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.Fixed64);
        return BitConverter.UInt64BitsToDouble(reader.ReadFixed64());
    }
}

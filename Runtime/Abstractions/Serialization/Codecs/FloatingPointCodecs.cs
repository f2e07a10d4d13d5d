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

/// <summary>The four 32-bit parts of the decimal (scale and sign included), 16 length-prefixed bytes.</summary>
public sealed class DecimalCodec : FieldCodec<decimal>
{
    private const int Size = 16;

    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, decimal value)
    {
        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        Span<int> parts = stackalloc int[4];
        decimal.GetBits(value, parts);
        var destination = writer.WriteLengthPrefixed(Size);
        for (var i = 0; i < 4; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(destination[(i * 4)..], parts[i]);
    }

    public override decimal ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.LengthPrefixed);
        var source = reader.ReadLengthPrefixed();
        if (source.Length != Size)
            throw new WireFormatException($"A decimal takes {Size} bytes, {field} has {source.Length}.");
        Span<int> parts = stackalloc int[4];
        for (var i = 0; i < 4; i++)
            parts[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(source[(i * 4)..]);
        try
        {
            return new decimal(parts);
        }
        catch (ArgumentException e)
        {
            throw new WireFormatException($"{field} is not a valid decimal.", e);
        }
    }
}

using System.Buffers.Binary;

namespace QuantumScheduler.Runtime.Serialization.Codecs;

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
            BinaryPrimitives.WriteInt32LittleEndian(destination[(i * 4)..], parts[i]);
    }

    public override decimal ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.LengthPrefixed);
        var source = reader.ReadLengthPrefixed();
        if (source.Length != Size)
            throw new WireFormatException($"A decimal takes {Size} bytes, {field} has {source.Length}.");
        Span<int> parts = stackalloc int[4];
        for (var i = 0; i < 4; i++)
            parts[i] = BinaryPrimitives.ReadInt32LittleEndian(source[(i * 4)..]);
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

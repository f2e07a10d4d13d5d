using System.Buffers.Binary;

namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary><see cref="DateTime.ToBinary"/> as eight bytes: ticks and <see cref="DateTimeKind"/> survive.</summary>
public sealed class DateTimeCodec : FieldCodec<DateTime>
{
    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, DateTime value)
    {
        writer.WriteFieldHeader(fieldId, WireType.Fixed64);
        writer.WriteFixed64((ulong)value.ToBinary());
    }

    public override DateTime ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.Fixed64);
        try
        {
            return DateTime.FromBinary((long)reader.ReadFixed64());
        }
        catch (ArgumentException e)
        {
            throw new WireFormatException($"{field} is not a valid DateTime.", e);
        }
    }
}

/// <summary>The local ticks (8 bytes) and the offset in minutes (2 bytes), length-prefixed.</summary>
public sealed class DateTimeOffsetCodec : FieldCodec<DateTimeOffset>
{
    private const int Size = 10;

    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, DateTimeOffset value)
    {
        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        var destination = writer.WriteLengthPrefixed(Size);
        BinaryPrimitives.WriteInt64LittleEndian(destination, value.Ticks);
        BinaryPrimitives.WriteInt16LittleEndian(destination[8..], (short)value.TotalOffsetMinutes);
    }

    public override DateTimeOffset ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.LengthPrefixed);
        var source = reader.ReadLengthPrefixed();
        if (source.Length != Size)
            throw new WireFormatException($"A DateTimeOffset takes {Size} bytes, {field} has {source.Length}.");
        try
        {
            return new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(source), TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(source[8..])));
        }
        catch (ArgumentException e)
        {
            throw new WireFormatException($"{field} is not a valid DateTimeOffset.", e);
        }
    }
}

/// <summary>Ticks as a zig-zag varint.</summary>
public sealed class TimeSpanCodec : FieldCodec<TimeSpan>
{
    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, TimeSpan value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarInt64(value.Ticks);
    }

    public override TimeSpan ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.VarInt);
        return new TimeSpan(reader.ReadVarInt64());
    }
}

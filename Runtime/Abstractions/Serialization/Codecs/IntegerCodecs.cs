using System.Numerics;

namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>sbyte, short, int, long: zig-zag varints, so a field may widen (int → long) between versions.</summary>
public sealed class SignedIntegerCodec<T> : FieldCodec<T> where T : struct, IBinaryInteger<T>, ISignedNumber<T>, IMinMaxValue<T>
{
    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, T value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarInt64(long.CreateTruncating(value));
    }

    public override T ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.VarInt);
        var value = reader.ReadVarInt64();
        if (value < long.CreateTruncating(T.MinValue) || value > long.CreateTruncating(T.MaxValue))
            throw WireFormatException.Overflow(value, field, typeof(T));
        return T.CreateTruncating(value);
    }
}

/// <summary>byte, ushort, uint, ulong, char: plain varints.</summary>
public sealed class UnsignedIntegerCodec<T> : FieldCodec<T> where T : struct, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
{
    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, T value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarUInt64(ulong.CreateTruncating(value));
    }

    public override T ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.VarInt);
        var value = reader.ReadVarUInt64();
        if (value > ulong.CreateTruncating(T.MaxValue))
            throw WireFormatException.Overflow(value, field, typeof(T));
        return T.CreateTruncating(value);
    }
}

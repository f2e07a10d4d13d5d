using System.Runtime.CompilerServices;

namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>The underlying integer as a zig-zag varint. Unknown values (a member added in a newer version)
/// are kept as the number, as the CLR allows.</summary>
public sealed class EnumCodec<T> : FieldCodec<T> where T : struct, Enum
{
    private static readonly bool IsSigned = Type.GetTypeCode(typeof(T)) is TypeCode.SByte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64;

    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, T value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarInt64(ToInt64(value));
    }

    public override T ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.VarInt);
        return FromInt64(reader.ReadVarInt64());
    }

    private static long ToInt64(T value) => Unsafe.SizeOf<T>() switch
    {
        1 => IsSigned ? Unsafe.As<T, sbyte>(ref value) : Unsafe.As<T, byte>(ref value),
        2 => IsSigned ? Unsafe.As<T, short>(ref value) : Unsafe.As<T, ushort>(ref value),
        4 => IsSigned ? Unsafe.As<T, int>(ref value) : Unsafe.As<T, uint>(ref value),
        _ => Unsafe.As<T, long>(ref value),
    };

    private static T FromInt64(long raw)
    {
        T value = default;
        switch (Unsafe.SizeOf<T>())
        {
            case 1:
                Unsafe.As<T, byte>(ref value) = (byte)raw;
                break;
            case 2:
                Unsafe.As<T, ushort>(ref value) = (ushort)raw;
                break;
            case 4:
                Unsafe.As<T, uint>(ref value) = (uint)raw;
                break;
            default:
                Unsafe.As<T, long>(ref value) = raw;
                break;
        }
        return value;
    }
}

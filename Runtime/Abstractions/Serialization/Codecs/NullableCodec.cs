namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>Null as reference 0, otherwise the value as its own codec writes it (so T? and T are interchangeable on the wire).</summary>
public sealed class NullableCodec<T> : FieldCodec<T?> where T : struct
{
    public override bool IsImmutable => CodecCache<T>.Codec.IsImmutable;

    public override void WriteField(Writer writer, uint fieldId, T? value)
    {
        if (value is { } present)
            CodecCache<T>.Codec.WriteField(writer, fieldId, present);
        else
            writer.WriteNull(fieldId);
    }

    public override T? ReadValue(ref Reader reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            var referenceId = reader.ReadVarUInt32();
            return referenceId == 0 ? null : throw new WireFormatException($"{field} refers to an object where a {typeof(T).Name}? is expected.");
        }
        return CodecCache<T>.Codec.ReadValue(ref reader, field);
    }
}

namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>One-dimensional arrays, in the shared collection layout (see <see cref="CollectionFormat"/>).</summary>
public sealed class ArrayCodec<T> : FieldCodec<T[]>
{
    public override void WriteField(Writer writer, uint fieldId, T[] value)
    {
        if (CollectionFormat.TryWriteStart(writer, fieldId, value, value?.Length ?? 0))
        {
            CollectionFormat.WriteElements<T>(writer, value!);
            writer.WriteEndObject();
        }
    }

    public override T[] ReadValue(ref Reader reader, Field field)
    {
        switch (field.WireType)
        {
            case WireType.Reference:
                return reader.ReadReference<T[]>();
            case WireType.StartObject:
                var length = CollectionFormat.ReadCount(ref reader, typeof(T[]));
                var array = length == 0 ? [] : new T[length];
                reader.RecordObject(field, array);
                var codec = CodecCache<T>.Codec;
                var index = 0;
                while (reader.ReadNextField(out var next))
                {
                    if (next.FieldId != CollectionFormat.ElementField)
                        reader.SkipField(next);
                    else if (index < array.Length)
                        array[index++] = codec.ReadValue(ref reader, next);
                    else
                        throw new WireFormatException($"Malformed {typeof(T).Name}[]: more elements than its count {array.Length}.");
                }
                return index == array.Length ? array : throw new WireFormatException($"Malformed {typeof(T).Name}[]: {index} elements, count {array.Length}.");
            default:
                throw WireFormatException.UnexpectedWireType(typeof(T[]), field);
        }
    }
}

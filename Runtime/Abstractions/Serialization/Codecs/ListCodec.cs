namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>
/// <see cref="List{T}"/> and the list-like interfaces (IList, ICollection, IEnumerable, IReadOnlyList,
/// IReadOnlyCollection): any sequence is written, a <see cref="List{T}"/> is read.
/// </summary>
public sealed class ListCodec<TCollection, T> : FieldCodec<TCollection> where TCollection : class, IEnumerable<T>
{
    public override void WriteField(Writer writer, uint fieldId, TCollection value)
    {
        IEnumerable<T> items = value;
        var count = value is null ? 0 : CollectionFormat.Count(ref items);
        if (CollectionFormat.TryWriteStart(writer, fieldId, value, count))
        {
            CollectionFormat.WriteElements(writer, items);
            writer.WriteEndObject();
        }
    }

    public override TCollection ReadValue(ref Reader reader, Field field)
    {
        switch (field.WireType)
        {
            case WireType.Reference:
                return reader.ReadReference<TCollection>();
            case WireType.StartObject:
                var list = new List<T>(CollectionFormat.ReadCount(ref reader, typeof(TCollection)));
                reader.RecordObject(field, list);
                var codec = CodecCache<T>.Codec;
                while (reader.ReadNextField(out var next))
                {
                    if (next.FieldId == CollectionFormat.ElementField)
                        list.Add(codec.ReadValue(ref reader, next));
                    else
                        reader.SkipField(next);
                }
                return (TCollection)(object)list;
            default:
                throw WireFormatException.UnexpectedWireType(typeof(TCollection), field);
        }
    }
}

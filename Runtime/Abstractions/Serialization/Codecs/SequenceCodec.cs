namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>
/// A sequence written as its elements: any <typeparamref name="TCollection"/> is written, and the
/// collection that <see cref="Create"/> makes is filled and returned on read.
/// </summary>
public abstract class SequenceCodec<TCollection, T, TBuilt> : FieldCodec<TCollection>
    where TCollection : class, IEnumerable<T>
    where TBuilt : class, ICollection<T>
{
    /// <summary>The collection to read into, sized for <paramref name="capacity"/> elements.</summary>
    protected abstract TBuilt Create(int capacity);

    public sealed override void WriteField(Writer writer, uint fieldId, TCollection value)
    {
        IEnumerable<T> items = value;
        var count = value is null ? 0 : CollectionFormat.Count(ref items);
        if (CollectionFormat.TryWriteStart(writer, fieldId, value, count))
        {
            CollectionFormat.WriteElements(writer, items);
            writer.WriteEndObject();
        }
    }

    public sealed override TCollection ReadValue(ref Reader reader, Field field)
    {
        switch (field.WireType)
        {
            case WireType.Reference:
                return reader.ReadReference<TCollection>();
            case WireType.StartObject:
                var collection = Create(CollectionFormat.ReadCount(ref reader, typeof(TCollection)));
                reader.RecordObject(field, collection);
                var codec = CodecCache<T>.Codec;
                while (reader.ReadNextField(out var next))
                {
                    if (next.FieldId == CollectionFormat.ElementField)
                        collection.Add(codec.ReadValue(ref reader, next));
                    else
                        reader.SkipField(next);
                }
                return (TCollection)(object)collection;
            default:
                throw WireFormatException.UnexpectedWireType(typeof(TCollection), field);
        }
    }
}

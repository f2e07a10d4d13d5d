namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary><see cref="HashSet{T}"/>, ISet and IReadOnlySet: any set is written, a <see cref="HashSet{T}"/>
/// with the default comparer is read.</summary>
public sealed class SetCodec<TCollection, T> : FieldCodec<TCollection> where TCollection : class, IEnumerable<T>
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
                var set = new HashSet<T>(CollectionFormat.ReadCount(ref reader, typeof(TCollection)));
                reader.RecordObject(field, set);
                var codec = CodecCache<T>.Codec;
                while (reader.ReadNextField(out var next))
                {
                    if (next.FieldId == CollectionFormat.ElementField)
                        set.Add(codec.ReadValue(ref reader, next));
                    else
                        reader.SkipField(next);
                }
                return (TCollection)(object)set;
            default:
                throw WireFormatException.UnexpectedWireType(typeof(TCollection), field);
        }
    }
}

namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary><see cref="Dictionary{TKey,TValue}"/>, IDictionary and IReadOnlyDictionary: keys as field 1 and
/// values as field 2, alternating. A <see cref="Dictionary{TKey,TValue}"/> with the default comparer is read.</summary>
public sealed class DictionaryCodec<TDictionary, TKey, TValue> : FieldCodec<TDictionary>
    where TDictionary : class, IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    public override void WriteField(Writer writer, uint fieldId, TDictionary value)
    {
        IEnumerable<KeyValuePair<TKey, TValue>> pairs = value;
        var count = value is null ? 0 : CollectionFormat.Count(ref pairs);
        if (!CollectionFormat.TryWriteStart(writer, fieldId, value, count))
            return;
        var keyCodec = CodecCache<TKey>.Codec;
        var valueCodec = CodecCache<TValue>.Codec;
        if (pairs is Dictionary<TKey, TValue> dictionary)
        {
            foreach (var (key, item) in dictionary)
            {
                keyCodec.WriteField(writer, CollectionFormat.ElementField, key);
                valueCodec.WriteField(writer, CollectionFormat.ValueField, item);
            }
        }
        else
        {
            foreach (var (key, item) in pairs)
            {
                keyCodec.WriteField(writer, CollectionFormat.ElementField, key);
                valueCodec.WriteField(writer, CollectionFormat.ValueField, item);
            }
        }
        writer.WriteEndObject();
    }

    public override TDictionary ReadValue(ref Reader reader, Field field)
    {
        switch (field.WireType)
        {
            case WireType.Reference:
                return reader.ReadReference<TDictionary>();
            case WireType.StartObject:
                var dictionary = new Dictionary<TKey, TValue>(CollectionFormat.ReadCount(ref reader, typeof(TDictionary)));
                reader.RecordObject(field, dictionary);
                var keyCodec = CodecCache<TKey>.Codec;
                var valueCodec = CodecCache<TValue>.Codec;
                var hasKey = false;
                TKey key = default!;
                while (reader.ReadNextField(out var next))
                {
                    switch (next.FieldId)
                    {
                        case CollectionFormat.ElementField:
                            key = keyCodec.ReadValue(ref reader, next);
                            hasKey = true;
                            break;
                        case CollectionFormat.ValueField when hasKey:
                            dictionary[key] = valueCodec.ReadValue(ref reader, next);
                            hasKey = false;
                            break;
                        case CollectionFormat.ValueField:
                            throw CollectionFormat.ValueWithoutKey(typeof(TDictionary));
                        default:
                            reader.SkipField(next);
                            break;
                    }
                }
                return (TDictionary)(object)dictionary;
            default:
                throw WireFormatException.UnexpectedWireType(typeof(TDictionary), field);
        }
    }
}

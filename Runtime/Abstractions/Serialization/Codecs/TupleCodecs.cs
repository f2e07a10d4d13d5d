namespace QuantumScheduler.Runtime.Serialization.Codecs;

// Value tuples and key/value pairs: a group with one field per item, numbered from 0.

/// <summary>(T1, T2) as a group of fields 0 and 1.</summary>
public sealed class ValueTupleCodec<T1, T2> : FieldCodec<ValueTuple<T1, T2>>
{
    public override void WriteField(Writer writer, uint fieldId, ValueTuple<T1, T2> value)
    {
        writer.WriteStartObject(fieldId, null);
        writer.WriteField(0, value.Item1);
        writer.WriteField(1, value.Item2);
        writer.WriteEndObject();
    }

    public override ValueTuple<T1, T2> ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.StartObject);
        ValueTuple<T1, T2> value = default;
        while (reader.ReadNextField(out var next))
        {
            switch (next.FieldId)
            {
                case 0: value.Item1 = reader.ReadValue<T1>(next); break;
                case 1: value.Item2 = reader.ReadValue<T2>(next); break;
                default: reader.SkipField(next); break;
            }
        }
        return value;
    }
}

/// <summary>(T1, T2, T3) as a group of fields 0 to 2.</summary>
public sealed class ValueTupleCodec<T1, T2, T3> : FieldCodec<ValueTuple<T1, T2, T3>>
{
    public override void WriteField(Writer writer, uint fieldId, ValueTuple<T1, T2, T3> value)
    {
        writer.WriteStartObject(fieldId, null);
        writer.WriteField(0, value.Item1);
        writer.WriteField(1, value.Item2);
        writer.WriteField(2, value.Item3);
        writer.WriteEndObject();
    }

    public override ValueTuple<T1, T2, T3> ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.StartObject);
        ValueTuple<T1, T2, T3> value = default;
        while (reader.ReadNextField(out var next))
        {
            switch (next.FieldId)
            {
                case 0: value.Item1 = reader.ReadValue<T1>(next); break;
                case 1: value.Item2 = reader.ReadValue<T2>(next); break;
                case 2: value.Item3 = reader.ReadValue<T3>(next); break;
                default: reader.SkipField(next); break;
            }
        }
        return value;
    }
}

/// <summary>(T1, T2, T3, T4) as a group of fields 0 to 3.</summary>
public sealed class ValueTupleCodec<T1, T2, T3, T4> : FieldCodec<ValueTuple<T1, T2, T3, T4>>
{
    public override void WriteField(Writer writer, uint fieldId, ValueTuple<T1, T2, T3, T4> value)
    {
        writer.WriteStartObject(fieldId, null);
        writer.WriteField(0, value.Item1);
        writer.WriteField(1, value.Item2);
        writer.WriteField(2, value.Item3);
        writer.WriteField(3, value.Item4);
        writer.WriteEndObject();
    }

    public override ValueTuple<T1, T2, T3, T4> ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.StartObject);
        ValueTuple<T1, T2, T3, T4> value = default;
        while (reader.ReadNextField(out var next))
        {
            switch (next.FieldId)
            {
                case 0: value.Item1 = reader.ReadValue<T1>(next); break;
                case 1: value.Item2 = reader.ReadValue<T2>(next); break;
                case 2: value.Item3 = reader.ReadValue<T3>(next); break;
                case 3: value.Item4 = reader.ReadValue<T4>(next); break;
                default: reader.SkipField(next); break;
            }
        }
        return value;
    }
}

/// <summary>A key/value pair as a group of fields 0 (key) and 1 (value).</summary>
public sealed class KeyValuePairCodec<TKey, TValue> : FieldCodec<KeyValuePair<TKey, TValue>>
{
    public override void WriteField(Writer writer, uint fieldId, KeyValuePair<TKey, TValue> value)
    {
        writer.WriteStartObject(fieldId, null);
        writer.WriteField(0, value.Key);
        writer.WriteField(1, value.Value);
        writer.WriteEndObject();
    }

    public override KeyValuePair<TKey, TValue> ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.StartObject);
        TKey key = default!;
        TValue item = default!;
        while (reader.ReadNextField(out var next))
        {
            switch (next.FieldId)
            {
                case 0: key = reader.ReadValue<TKey>(next); break;
                case 1: item = reader.ReadValue<TValue>(next); break;
                default: reader.SkipField(next); break;
            }
        }
        return new KeyValuePair<TKey, TValue>(key, item);
    }
}

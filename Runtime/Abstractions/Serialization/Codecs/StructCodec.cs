namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>Base of the generated codecs of structs: a group of <c>[Id]</c> fields.</summary>
public abstract class StructCodec<T> : FieldCodec<T> where T : struct
{
    public sealed override void WriteField(Writer writer, uint fieldId, T value)
    {
        writer.WriteStartObject(fieldId, null);
        WriteFields(writer, in value);
        writer.WriteEndObject();
    }

    public sealed override T ReadValue(ref Reader reader, Field field)
    {
        Expect(field, WireType.StartObject);
        var value = CreateInstance();
        if (!ReadFields(ref reader, ref value))
            reader.SkipToEnd();
        return value;
    }

    public abstract void WriteFields(Writer writer, in T value);

    /// <summary>Reads members up to the end marker, skipping unknown ones; true when the group ended.</summary>
    public abstract bool ReadFields(ref Reader reader, ref T value);

    protected virtual T CreateInstance() => default;
}

namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>
/// Base of the generated codecs of classes: a group of <c>[Id]</c> fields, with nulls, shared references
/// and subclasses (written with their type identity) handled here. A derived class writes its base class's
/// fields first, closed by an end-of-base marker, so each level has its own field ids.
/// </summary>
public abstract class ClassCodec<T> : FieldCodec<T> where T : class
{
    public sealed override void WriteField(Writer writer, uint fieldId, T value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }
        if (writer.TryWriteReference(fieldId, value))
            return;
        if (value.GetType() != typeof(T))
        {
            writer.WritePolymorphic(fieldId, value);
            return;
        }
        writer.WriteStartObject(fieldId, value);
        WriteFields(writer, value);
        writer.WriteEndObject();
    }

    public sealed override T ReadValue(ref Reader reader, Field field)
    {
        switch (field.WireType)
        {
            case WireType.Reference:
                return reader.ReadReference<T>();
            case WireType.TypedValue:
                return reader.ReadPolymorphic<T>();
            case WireType.StartObject:
                var value = CreateInstance();
                reader.RecordObject(field, value);
                if (!ReadFields(ref reader, value))
                    reader.SkipToEnd();
                return value;
            default:
                throw WireFormatException.UnexpectedWireType(typeof(T), field);
        }
    }

    /// <summary>Writes the members of <typeparamref name="T"/> (base class members first, then an end-of-base marker).</summary>
    public abstract void WriteFields(Writer writer, T value);

    /// <summary>Reads members up to the next end marker, skipping unknown ones.</summary>
    /// <returns>True when the group ended, false when the marker closed a base-class section.</returns>
    public abstract bool ReadFields(ref Reader reader, T value);

    /// <summary>A new instance before its fields are read: the parameterless constructor when there is one.</summary>
    protected virtual T CreateInstance() =>
        throw new WireFormatException($"{WireFormatException.TypeDisplay(typeof(T))} is abstract: the data must record a concrete type.");
}

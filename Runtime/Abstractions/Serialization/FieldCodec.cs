namespace QuantumScheduler.Runtime.Serialization;

/// <summary>Base of the codecs: supplies the untyped face from the typed one.</summary>
public abstract class FieldCodec<T> : IFieldCodec<T>
{
    public Type ValueType => typeof(T);

    public virtual bool IsImmutable => false;

    public abstract void WriteField(Writer writer, uint fieldId, T value);

    public abstract T ReadValue(ref Reader reader, Field field);

    public void WriteFieldUntyped(Writer writer, uint fieldId, object? value) => WriteField(writer, fieldId, (T)value!);

    public object? ReadValueUntyped(ref Reader reader, Field field) => ReadValue(ref reader, field);

    /// <summary>Throws unless <paramref name="field"/> has the wire type this codec writes.</summary>
    protected static void Expect(Field field, WireType wireType)
    {
        if (field.WireType != wireType)
            throw WireFormatException.UnexpectedWireType(typeof(T), field);
    }
}

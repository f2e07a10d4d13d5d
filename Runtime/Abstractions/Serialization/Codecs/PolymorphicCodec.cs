namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>
/// Interfaces and abstract classes without a codec of their own (<c>IInvokable</c>, <c>Response</c>, a user's
/// <c>IShape</c>, <c>object</c>): the value is always written with its runtime type's identity and codec.
/// </summary>
public sealed class PolymorphicCodec<T> : FieldCodec<T>, IPolymorphicCodec where T : class
{
    public override void WriteField(Writer writer, uint fieldId, T value)
    {
        if (value is null)
            writer.WriteNull(fieldId);
        else if (!writer.TryWriteReference(fieldId, value))
            writer.WritePolymorphic(fieldId, value);
    }

    public override T ReadValue(ref Reader reader, Field field) => field.WireType switch
    {
        WireType.Reference => reader.ReadReference<T>(),
        WireType.TypedValue => reader.ReadPolymorphic<T>(),
        _ => throw WireFormatException.UnexpectedWireType(typeof(T), field),
    };
}

/// <summary>Marks codecs that only forward to a recorded concrete type.</summary>
internal interface IPolymorphicCodec;

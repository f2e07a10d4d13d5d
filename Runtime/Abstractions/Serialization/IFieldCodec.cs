namespace QuantumScheduler.Runtime.Serialization;

/// <summary>Writes and reads values of one type as fields; the untyped face is used for polymorphic values.</summary>
public interface IFieldCodec
{
    /// <summary>The type this codec handles.</summary>
    Type ValueType { get; }

    /// <summary>Values of this type are never mutated, so a deep copy may return the value itself.</summary>
    bool IsImmutable { get; }

    void WriteFieldUntyped(Writer writer, uint fieldId, object? value);

    object? ReadValueUntyped(ref Reader reader, Field field);
}

/// <summary>Writes and reads values of <typeparamref name="T"/> as fields.</summary>
public interface IFieldCodec<T> : IFieldCodec
{
    /// <summary>Writes the field header for <paramref name="fieldId"/> and the value.</summary>
    void WriteField(Writer writer, uint fieldId, T value);

    /// <summary>Reads the value whose header <paramref name="field"/> was just read.</summary>
    T ReadValue(ref Reader reader, Field field);
}

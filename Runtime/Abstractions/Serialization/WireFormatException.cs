namespace QuantumScheduler.Runtime.Serialization;

/// <summary>Data that cannot be read or a value that cannot be written: the message names the type and field.</summary>
public sealed class WireFormatException : Exception
{
    public WireFormatException(string message) : base(message) { }

    public WireFormatException(string message, Exception innerException) : base(message, innerException) { }

    internal static WireFormatException UnexpectedWireType(Type type, Field field) =>
        new($"Cannot read {field} as {TypeDisplay(type)}: unexpected wire type {field.WireType}.");

    internal static WireFormatException Overflow(object value, Field field, Type type) =>
        new($"Value {value} of {field} does not fit in {TypeDisplay(type)}.");

    internal static WireFormatException EndOfData() => new("Unexpected end of data: the message is truncated.");

    internal static string TypeDisplay(Type type) => type.FullName ?? type.Name;
}

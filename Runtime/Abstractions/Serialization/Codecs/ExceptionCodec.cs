namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>
/// Exceptions of any type: a group of the thrown type's full name (0), message (1), stack trace (2),
/// inner exception (3) and, for a <see cref="SiloUnavailableException"/> whose call may have run, that flag (4). Read
/// back as the same type when it is a known exception type, otherwise as a <see cref="RemoteException"/> carrying the
/// original type name.
/// </summary>
/// <remarks>The flag travels because callers decide on it whether to resend: a lost call read back as a refusal would
/// be resent and could run twice.</remarks>
public sealed class ExceptionCodec<TException> : FieldCodec<TException> where TException : Exception
{
    private const uint TypeNameField = 0;
    private const uint MessageField = 1;
    private const uint StackTraceField = 2;
    private const uint InnerExceptionField = 3;
    private const uint MayHaveRunField = 4;

    public override void WriteField(Writer writer, uint fieldId, TException value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }
        if (writer.TryWriteReference(fieldId, value))
            return;
        writer.WriteStartObject(fieldId, value);
        writer.WriteField(TypeNameField, KnownExceptions.GetTypeName(value));
        writer.WriteField(MessageField, value.Message);
        writer.WriteField(StackTraceField, value.StackTrace);
        if (value.InnerException is { } inner)
            writer.WriteField(InnerExceptionField, inner);
        if (value is SiloUnavailableException { MayHaveRun: true })
            writer.WriteField(MayHaveRunField, true);
        writer.WriteEndObject();
    }

    public override TException ReadValue(ref Reader reader, Field field)
    {
        switch (field.WireType)
        {
            case WireType.Reference:
                return reader.ReadReference<TException>();
            case WireType.TypedValue:
                return reader.ReadPolymorphic<TException>();
            case WireType.StartObject:
                string? typeName = null, message = null, stackTrace = null;
                Exception? inner = null;
                var mayHaveRun = false;
                while (reader.ReadNextField(out var next))
                {
                    switch (next.FieldId)
                    {
                        case TypeNameField: typeName = reader.ReadValue<string>(next); break;
                        case MessageField: message = reader.ReadValue<string>(next); break;
                        case StackTraceField: stackTrace = reader.ReadValue<string?>(next); break;
                        case InnerExceptionField: inner = reader.ReadValue<Exception>(next); break;
                        case MayHaveRunField: mayHaveRun = reader.ReadValue<bool>(next); break;
                        default: reader.SkipField(next); break;
                    }
                }
                var exception = KnownExceptions.Create(
                    typeName ?? throw new WireFormatException("An exception without its type name."),
                    message ?? string.Empty,
                    stackTrace,
                    inner,
                    mayHaveRun);
                reader.RecordObject(field, exception);
                return exception as TException
                    ?? throw new WireFormatException($"A remote {typeName} cannot be read as {WireFormatException.TypeDisplay(typeof(TException))}: declare the field as Exception.");
            default:
                throw WireFormatException.UnexpectedWireType(typeof(TException), field);
        }
    }
}

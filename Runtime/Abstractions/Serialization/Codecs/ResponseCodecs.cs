using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>A successful result: a group with the result as field 0.</summary>
public sealed class ResponseCodec<T> : FieldCodec<Response<T>>
{
    public override void WriteField(Writer writer, uint fieldId, Response<T> value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }
        writer.WriteStartObject(fieldId, null);
        writer.WriteField(0, value.TypedResult);
        writer.WriteEndObject();
    }

    public override Response<T> ReadValue(ref Reader reader, Field field)
    {
        switch (field.WireType)
        {
            case WireType.Reference:
                return reader.ReadReference<Response<T>>();
            case WireType.StartObject:
                T result = default!;
                while (reader.ReadNextField(out var next))
                {
                    if (next.FieldId == 0)
                        result = reader.ReadValue<T>(next);
                    else
                        reader.SkipField(next);
                }
                return new Response<T> { TypedResult = result };
            default:
                throw WireFormatException.UnexpectedWireType(typeof(Response<T>), field);
        }
    }
}

/// <summary>A successful void call: an empty group, read back as <see cref="Response.Completed"/>.</summary>
public sealed class VoidResponseCodec : FieldCodec<VoidResponse>
{
    public override bool IsImmutable => true;

    public override void WriteField(Writer writer, uint fieldId, VoidResponse value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }
        writer.WriteStartObject(fieldId, null);
        writer.WriteEndObject();
    }

    public override VoidResponse ReadValue(ref Reader reader, Field field)
    {
        switch (field.WireType)
        {
            case WireType.Reference:
                return reader.ReadReference<VoidResponse>();
            case WireType.StartObject:
                reader.SkipToEnd();
                return (VoidResponse)Response.Completed;
            default:
                throw WireFormatException.UnexpectedWireType(typeof(VoidResponse), field);
        }
    }
}

/// <summary>A failed call: a group with the exception as field 0.</summary>
public sealed class ExceptionResponseCodec : FieldCodec<ExceptionResponse>
{
    public override void WriteField(Writer writer, uint fieldId, ExceptionResponse value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }
        writer.WriteStartObject(fieldId, null);
        writer.WriteField(0, value.Exception);
        writer.WriteEndObject();
    }

    public override ExceptionResponse ReadValue(ref Reader reader, Field field)
    {
        switch (field.WireType)
        {
            case WireType.Reference:
                return reader.ReadReference<ExceptionResponse>();
            case WireType.StartObject:
                Exception? exception = null;
                while (reader.ReadNextField(out var next))
                {
                    if (next.FieldId == 0)
                        exception = reader.ReadValue<Exception>(next);
                    else
                        reader.SkipField(next);
                }
                return new ExceptionResponse(exception ?? throw new WireFormatException("An exception response without its exception."));
            default:
                throw WireFormatException.UnexpectedWireType(typeof(ExceptionResponse), field);
        }
    }
}

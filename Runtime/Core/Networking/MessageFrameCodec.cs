using System.Diagnostics;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Serialization;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>
/// Turns messages into <see cref="FrameType.Message"/> frames and back. The header carries everything a silo needs
/// to route and run the call (see docs/cluster-messaging.md for the layout); the body is the request or response
/// written by the runtime's <see cref="ISerializer"/>. Deadlines travel as the time left, since clocks differ.
/// </summary>
internal sealed class MessageFrameCodec(ISerializer serializer)
{
    private const byte HasSendingGrain = 1;
    private const byte HasTraceContext = 2;
    private const byte HasRequestContext = 4;
    private const byte AllowsCallChainReentrancy = 8;

    public FrameBuffer EncodeRequest(Message message, SiloAddress sender, SiloAddress target)
    {
        var frame = new FrameBuffer(FrameType.Message);
        try
        {
            var writer = new WireWriter(frame);
            WriteEnvelope(writer, message.Id, message.Direction, sender, target);
            writer.Int32(message.ForwardCount);
            writer.Grain(message.TargetGrain);
            var flags = (byte)((message.SendingGrain is null ? 0 : HasSendingGrain)
                | (message.TraceContext == default ? 0 : HasTraceContext)
                | (message.RequestContext is null ? 0 : HasRequestContext)
                | (message.AllowCallChainReentrancy ? AllowsCallChainReentrancy : 0));
            writer.Byte(flags);
            if (message.SendingGrain is { } sendingGrain)
                writer.Grain(sendingGrain);
            writer.String(message.InterfaceType.FullName);
            writer.String(message.MethodName);
            writer.Int32((int)message.Options);
            writer.Int64(message.ExpiresAt == long.MaxValue ? -1 : Math.Max(0, message.ExpiresAt - Environment.TickCount64));
            writer.Int32(message.CallChain.Count);
            foreach (var entry in message.CallChain.Entries)
            {
                writer.Grain(entry.GrainId);
                writer.Guid(entry.ActivationId);
            }
            if (message.TraceContext != default)
                WriteTraceContext(frame, writer, message.TraceContext);
            if (message.RequestContext is { } context)
            {
                writer.Int32(context.Values.Count);
                foreach (var (key, value) in context.Values)
                {
                    writer.String(key);
                    var length = writer.BeginLength();
                    serializer.Serialize<object>(value, frame);
                    writer.EndLength(length);
                }
            }
            var body = writer.BeginLength();
            serializer.Serialize((IInvokable)message.Body, frame);
            writer.EndLength(body);
            frame.Complete();
            return frame;
        }
        catch
        {
            frame.Return();
            throw;
        }
    }

    /// <summary>A response frame; a result that cannot be serialised becomes an error the caller can read.</summary>
    /// <param name="requestId">The request's message id at its sender.</param>
    /// <param name="request">The request, to name it in an error; null for a request this silo could not read.</param>
    /// <param name="response">The outcome to send.</param>
    /// <param name="sender">This silo.</param>
    /// <param name="target">The silo waiting for the response.</param>
    public FrameBuffer EncodeResponse(long requestId, Message? request, Response response, SiloAddress sender, SiloAddress target)
    {
        try
        {
            return EncodeResponseFrame(requestId, response, sender, target);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var description = response.Exception is { } failure
                ? $"{failure.GetType().FullName}: {failure.Message}"
                : $"a result of type {response.Result?.GetType().FullName}";
            var call = request is null ? $"Request #{requestId}" : $"{request.InterfaceType.Name}.{request.MethodName} on {request.TargetGrain}";
            return EncodeResponseFrame(requestId, Response.FromException(new InvalidOperationException(
                $"{call} produced {description}, which cannot be serialised back to the caller: {exception.Message}")),
                sender, target);
        }
    }

    private FrameBuffer EncodeResponseFrame(long id, Response response, SiloAddress sender, SiloAddress target)
    {
        var frame = new FrameBuffer(FrameType.Message, 128);
        try
        {
            var writer = new WireWriter(frame);
            WriteEnvelope(writer, id, MessageDirection.Response, sender, target);
            var body = writer.BeginLength();
            serializer.Serialize(response, frame);
            writer.EndLength(body);
            frame.Complete();
            return frame;
        }
        catch
        {
            frame.Return();
            throw;
        }
    }

    /// <summary>Reads a message frame's payload (after the frame type byte).</summary>
    public IncomingMessage Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new WireReader(payload);
        var direction = (MessageDirection)reader.Byte();
        var id = reader.Int64();
        var sender = reader.Silo();
        var target = reader.Silo();
        if (direction == MessageDirection.Response)
            return new IncomingMessage(id, direction, sender, target, null, serializer.Deserialize<Response>(reader.LengthPrefixed()), null);
        if (direction is not (MessageDirection.Request or MessageDirection.OneWay))
            throw new InvalidDataException($"A message frame from {sender} has unknown direction {(byte)direction}.");

        var forwardCount = reader.Int32();
        var targetGrain = reader.Grain();
        var flags = reader.Byte();
        GrainId? sendingGrain = (flags & HasSendingGrain) != 0 ? reader.Grain() : null;
        var interfaceName = reader.String();
        var methodName = reader.RequiredString();
        var options = (InvokeMethodOptions)reader.Int32();
        var remaining = reader.Int64();
        var chain = CallChain.Empty;
        var chainLength = reader.Int32();
        for (var i = 0; i < chainLength; i++)
            chain = chain.Append(new CallChainEntry(reader.Grain(), reader.Guid()));
        var traceContext = (flags & HasTraceContext) != 0 ? ReadTraceContext(ref reader) : default;

        try
        {
            RequestContextData? requestContext = null;
            if ((flags & HasRequestContext) != 0)
            {
                var count = reader.Int32();
                var values = new Dictionary<string, object>(count, StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    var key = reader.RequiredString();
                    values[key] = serializer.Deserialize<object>(reader.LengthPrefixed());
                }
                requestContext = new RequestContextData(values, (flags & AllowsCallChainReentrancy) != 0);
            }
            var body = serializer.Deserialize<IInvokable>(reader.LengthPrefixed());
            var request = new Message
            {
                Id = id,
                Direction = direction,
                TargetGrain = targetGrain,
                SendingGrain = sendingGrain,
                InterfaceType = body.InterfaceType,
                MethodName = body.MethodName,
                Options = options,
                ExpiresAt = remaining < 0 ? long.MaxValue : Environment.TickCount64 + remaining,
                CallChain = chain,
                TraceContext = traceContext,
                RequestContext = requestContext,
                Body = body,
                SendingSilo = sender,
                ForwardCount = forwardCount,
            };
            return new IncomingMessage(id, direction, sender, target, request, null, null);
        }
        catch (Exception exception) when (exception is WireFormatException or InvalidDataException or InvalidCastException or ArgumentException)
        {
            return new IncomingMessage(id, direction, sender, target, null, null, new InvalidOperationException(
                $"Silo {target} could not read the request {interfaceName}.{methodName} to {targetGrain} from silo {sender}: {exception.Message}", exception));
        }
    }

    private static void WriteEnvelope(WireWriter writer, long id, MessageDirection direction, SiloAddress sender, SiloAddress target)
    {
        writer.Byte((byte)direction);
        writer.Int64(id);
        writer.Silo(sender);
        writer.Silo(target);
    }

    private static void WriteTraceContext(FrameBuffer frame, WireWriter writer, ActivityContext context)
    {
        // CopyTo fills the whole destination span, so it gets exactly the id's size.
        context.TraceId.CopyTo(frame.GetSpan(16)[..16]);
        frame.Advance(16);
        context.SpanId.CopyTo(frame.GetSpan(8)[..8]);
        frame.Advance(8);
        writer.Byte((byte)context.TraceFlags);
    }

    private static ActivityContext ReadTraceContext(ref WireReader reader)
    {
        var traceId = ActivityTraceId.CreateFromBytes(reader.Bytes(16));
        var spanId = ActivitySpanId.CreateFromBytes(reader.Bytes(8));
        return new ActivityContext(traceId, spanId, (ActivityTraceFlags)reader.Byte(), isRemote: true);
    }
}

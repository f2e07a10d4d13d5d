using System.Diagnostics;
using QuantumScheduler.Runtime.Cluster.Tests.Grains;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Networking;
using QuantumScheduler.Runtime.Serialization;
using Xunit;

namespace QuantumScheduler.Runtime.Cluster.Tests;

public sealed class FrameCodecTests
{
    private static readonly SiloAddress Sender = new("10.0.0.1", 11111, 100);
    private static readonly SiloAddress Target = new("silo-b.example", 22222, 200);
    private readonly MessageFrameCodec _codec = new(new Serializer());

    [Fact]
    public void A_request_frame_carries_every_header_and_the_body()
    {
        var invokable = (IInvokable)Activator.CreateInstance(GeneratedInvokable("Echo"))!;
        invokable.SetArgument(0, "payload");
        var trace = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var chain = CallChain.Empty.Append(new CallChainEntry(new GrainId("located", "upstream"), Guid.NewGuid()));
        var request = new Message
        {
            Id = 42,
            Direction = MessageDirection.Request,
            TargetGrain = new GrainId("local", "target"),
            SendingGrain = new GrainId("located", "caller"),
            InterfaceType = typeof(ILocatedGrain),
            MethodName = "Echo",
            Options = InvokeMethodOptions.ReadOnly,
            ExpiresAt = Environment.TickCount64 + 30_000,
            CallChain = chain,
            TraceContext = trace,
            Body = invokable,
            ForwardCount = 1,
        };

        var decoded = Decode(_codec.EncodeRequest(request, Sender, Target));

        Assert.Equal((42L, MessageDirection.Request, Sender, Target), (decoded.Id, decoded.Direction, decoded.Sender, decoded.Target));
        var received = decoded.Request!;
        Assert.Equal(request.TargetGrain, received.TargetGrain);
        Assert.Equal(request.SendingGrain, received.SendingGrain);
        Assert.Equal(typeof(ILocatedGrain), received.InterfaceType);
        Assert.Equal("Echo", received.MethodName);
        Assert.Equal(InvokeMethodOptions.ReadOnly, received.Options);
        Assert.InRange(received.ExpiresAt - Environment.TickCount64, 25_000, 30_000);
        Assert.Equal(chain.Entries.ToArray(), received.CallChain.Entries.ToArray());
        Assert.Equal((trace.TraceId, trace.SpanId, trace.TraceFlags), (received.TraceContext.TraceId, received.TraceContext.SpanId, received.TraceContext.TraceFlags));
        Assert.Equal("payload", ((IInvokable)received.Body).GetArgument(0));
        Assert.Equal(Sender, received.SendingSilo);
        Assert.Equal(1, received.ForwardCount);
    }

    [Fact]
    public void A_response_frame_carries_the_result_or_the_exception()
    {
        var request = new Message { Id = 7, Direction = MessageDirection.Request, TargetGrain = new GrainId("local", "x"), InterfaceType = typeof(ILocatedGrain), MethodName = "GetSilo", Body = new object() };

        var result = Decode(_codec.EncodeResponse(7, request, Response.FromResult("silo-b"), Target, Sender));
        var failure = Decode(_codec.EncodeResponse(7, request, Response.FromException(new TimeoutException("late")), Target, Sender));

        Assert.Equal((7L, MessageDirection.Response), (result.Id, result.Direction));
        Assert.Equal("silo-b", result.Response!.GetResult<string>());
        Assert.IsType<TimeoutException>(failure.Response!.Exception);
        Assert.Equal("late", failure.Response.Exception!.Message);
    }

    [Fact]
    public void A_result_that_cannot_be_serialised_reaches_the_caller_as_an_error_naming_the_call()
    {
        var request = new Message { Id = 9, Direction = MessageDirection.Request, TargetGrain = new GrainId("local", "x"), InterfaceType = typeof(ILocatedGrain), MethodName = "GetSilo", Body = new object() };

        var decoded = Decode(_codec.EncodeResponse(9, request, Response.FromResult(new Unserialisable()), Target, Sender));

        var error = Assert.IsType<InvalidOperationException>(decoded.Response!.Exception);
        Assert.Contains("ILocatedGrain.GetSilo on local/x", error.Message);
    }

    [Fact]
    public void A_truncated_frame_is_refused()
    {
        var frame = _codec.EncodeResponse(7, null, Response.FromResult(1), Target, Sender);
        var payload = frame.Frame[(FrameBuffer.LengthPrefixSize + 1)..].ToArray();
        frame.Return();

        Assert.Throws<InvalidDataException>(() => _codec.Decode(payload.AsSpan(0, 20)));
    }

    private IncomingMessage Decode(FrameBuffer frame)
    {
        try
        {
            Assert.Equal(frame.Length - FrameBuffer.LengthPrefixSize, BitConverter.ToInt32(frame.Frame[..4]));
            Assert.Equal(FrameType.Message, (FrameType)frame.Frame[FrameBuffer.LengthPrefixSize]);
            return _codec.Decode(frame.Frame[(FrameBuffer.LengthPrefixSize + 1)..]);
        }
        finally
        {
            frame.Return();
        }
    }

    private static Type GeneratedInvokable(string method) =>
        typeof(ILocatedGrain).Assembly.GetTypes().Single(type => typeof(IInvokable).IsAssignableFrom(type) && !type.IsAbstract
            && type.Name.Contains("LocatedGrain", StringComparison.Ordinal) && type.Name.Contains(method, StringComparison.Ordinal));

    private sealed class Unserialisable;
}

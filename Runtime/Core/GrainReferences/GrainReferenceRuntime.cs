using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.Filters;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Manifest;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Serialization;

namespace QuantumScheduler.Runtime.GrainReferences;

/// <summary>
/// The caller's side of every grain call: outgoing filters, a message with the call chain, trace context
/// and request context, the request copied through the serializer, and a callback that completes with the
/// copied response, a <see cref="TimeoutException"/> or a cancellation.
/// </summary>
internal sealed class GrainReferenceRuntime : IGrainReferenceRuntime
{
    private static readonly Action<object?> CancelAction = static state =>
    {
        var (messageCenter, message) = ((MessageCenter, Message))state!;
        messageCenter.Cancel(message);
    };

    /// <summary>The first pause before resending a refused call; it doubles per attempt up to <see cref="MaxResendDelay"/>.</summary>
    private static readonly TimeSpan FirstResendDelay = TimeSpan.FromMilliseconds(20);

    private static readonly TimeSpan MaxResendDelay = TimeSpan.FromMilliseconds(500);

    private readonly MessageCenter _messageCenter;
    private readonly ResponseCallbacks _callbacks;
    private readonly IOutgoingGrainCallFilter[] _outgoingFilters;
    private readonly Func<GrainReference, IInvokable, ValueTask<Response>> _send;
    private readonly TimeSpan _responseTimeout;
    private readonly bool _copyOnDelivery;
    private readonly LocalSilo _silo;
    private long _nextMessageId;

    public GrainReferenceRuntime(
        MessageCenter messageCenter,
        ResponseCallbacks callbacks,
        IOptions<MessagingOptions> options,
        IOptions<EndpointOptions> endpoint,
        IEnumerable<IOutgoingGrainCallFilter> outgoingFilters,
        SerializerFactory serializerFactory,
        LocalSilo silo)
    {
        _silo = silo;
        // In a cluster the router copies a call that stays local and the transport serialises one that leaves,
        // so the caller does not copy first (a remote call would pay for the copy and the serialisation).
        _copyOnDelivery = endpoint.Value.IsClustered;
        _messageCenter = messageCenter;
        _callbacks = callbacks;
        _outgoingFilters = outgoingFilters.ToArray();
        _responseTimeout = options.Value.ResponseTimeout;
        _send = Send;
        Serializer = serializerFactory(this);
    }

    /// <summary>The serializer that copies calls; it turns grain references it reads back into proxies of this runtime.</summary>
    public ISerializer Serializer { get; }

    public ValueTask<T> InvokeAsync<T>(GrainReference reference, IInvokable request)
    {
        var pending = SendAsync(reference, request);
        if (!pending.IsCompletedSuccessfully)
            return AwaitResult<T>(pending);
        try
        {
            return ValueTask.FromResult(pending.Result.GetResult<T>());
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<T>(exception);
        }
    }

    public ValueTask InvokeAsync(GrainReference reference, IInvokable request)
    {
        var pending = SendAsync(reference, request);
        if (!pending.IsCompletedSuccessfully)
            return AwaitCompletion(pending);
        return pending.Result.Exception is { } exception ? ValueTask.FromException(exception) : ValueTask.CompletedTask;
    }

    public void InvokeOneWay(GrainReference reference, IInvokable request) => _ = SendAsync(reference, request);

    public GrainReference CreateReference(GrainId grainId, Type interfaceType) => CreateProxy(grainId, interfaceType, this);

    /// <summary>A message id for a call made by this silo; the gateway takes its ids from here too, since responses
    /// find their callbacks by id.</summary>
    public long NextMessageId() => Interlocked.Increment(ref _nextMessageId);

    /// <summary>A generated proxy of <paramref name="interfaceType"/> for <paramref name="grainId"/>.</summary>
    public static GrainReference CreateProxy(GrainId grainId, Type interfaceType, IGrainReferenceRuntime runtime) =>
        GeneratedCodeManifest.TryGetProxyFactory(interfaceType, out var factory)
            ? factory(grainId, runtime)
            : throw new ArgumentException(
                $"No proxy was generated for {interfaceType.FullName}: is it a grain interface in a project built with the QuantumScheduler code generator?", nameof(interfaceType));

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<T> AwaitResult<T>(ValueTask<Response> pending) => (await pending).GetResult<T>();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask AwaitCompletion(ValueTask<Response> pending)
    {
        if ((await pending).Exception is { } exception)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
    }

    private ValueTask<Response> SendAsync(GrainReference reference, IInvokable request)
    {
        // A call cancelled before it is sent is not sent.
        if (request.CancellationToken.IsCancellationRequested)
            return ValueTask.FromException<Response>(new OperationCanceledException(
                $"{request.InterfaceType.Name}.{request.MethodName} on {reference.GrainId} was cancelled before it was sent.", request.CancellationToken));
        if (_outgoingFilters.Length == 0)
            return Send(reference, request);
        return OutgoingCallContext.InvokeAsync(reference, request, RuntimeCallContext.CurrentMessage?.TargetGrain, _outgoingFilters, _send);
    }

    private ValueTask<Response> Send(GrainReference reference, IInvokable request)
    {
        var caller = RuntimeCallContext.CurrentMessage;
        var timeout = request.ResponseTimeout ?? _responseTimeout;
        var expiresAt = Deadline(timeout);
        var (message, pending) = SendOnce(reference, request, caller, timeout, expiresAt);
        if (pending.IsCompletedSuccessfully && !IsRemoteRefusal(message, pending.Result))
            return pending;
        return ResendRefusedAsync(message, pending, reference, request, caller, timeout, expiresAt);
    }

    /// <summary>
    /// Resends a call that another silo refused without running it (it is stopping): the router has dropped the stale
    /// location by then, so the next attempt re-resolves the directory and, once the grain has left, places it anew.
    /// Only while this silo itself takes calls (a stopping silo refuses its own calls too), and within the call's deadline.
    /// A request not sent because its silo announced its departure counts as that silo's refusal. Other failures raised
    /// by this silo's own transport (a full send queue, an unreachable silo) are not resent: they are back-pressure and
    /// failure detection's business.
    /// </summary>
    private async ValueTask<Response> ResendRefusedAsync(Message message, ValueTask<Response> pending, GrainReference reference, IInvokable request, Message? caller, TimeSpan timeout, long expiresAt)
    {
        var pause = FirstResendDelay;
        while (true)
        {
            var response = await pending;
            if (!IsRemoteRefusal(message, response) || !_silo.IsAcceptingCalls || Environment.TickCount64 + (long)pause.TotalMilliseconds >= expiresAt
                || request.CancellationToken.IsCancellationRequested)
                return response;
            await Task.Delay(pause);
            pause = pause * 2 < MaxResendDelay ? pause * 2 : MaxResendDelay;
            (message, pending) = SendOnce(reference, request, caller, timeout, expiresAt);
        }
    }

    private static bool IsRemoteRefusal(Message message, Response response) =>
        message.RespondingSilo is not null && response.Exception is SiloUnavailableException { IsRetryable: true };

    private (Message Message, ValueTask<Response> Pending) SendOnce(GrainReference reference, IInvokable request, Message? caller, TimeSpan timeout, long expiresAt)
    {
        var oneWay = request.Options.HasFlag(InvokeMethodOptions.OneWay);
        var token = request.CancellationToken;
        var message = new Message
        {
            Id = NextMessageId(),
            Direction = oneWay ? MessageDirection.OneWay : MessageDirection.Request,
            TargetGrain = reference.GrainId,
            SendingGrain = caller?.TargetGrain,
            InterfaceType = request.InterfaceType,
            MethodName = request.MethodName,
            Options = request.Options,
            ExpiresAt = expiresAt,
            // A one-way call's sender does not wait, so it cannot be part of a cycle.
            CallChain = caller is null || oneWay ? CallChain.Empty : caller.CallChain.Append(new CallChainEntry(caller.TargetGrain, caller.TargetActivation!.ActivationId)),
            TraceContext = Activity.Current?.Context ?? default,
            RequestContext = _copyOnDelivery ? RequestContext.CurrentData : CopyRequestContext(RequestContext.CurrentData),
            Body = _copyOnDelivery ? request : Serializer.DeepCopy(request),
            IsCallerOwned = _copyOnDelivery,
            CalleeCancellation = request.IsCancellable && token.CanBeCanceled && !oneWay ? new CancellationTokenSource() : null,
        };

        if (oneWay)
        {
            _messageCenter.SendRequest(message);
            return (message, ValueTask.FromResult(Response.Completed));
        }

        var callback = new ResponseCallback(message, timeout);
        _callbacks.Register(callback);
        if (token.CanBeCanceled)
            callback.RegisterCancellation(token, CancelAction, (_messageCenter, message));
        _messageCenter.SendRequest(message);
        return (message, callback.Task);
    }

    private static long Deadline(TimeSpan timeout)
    {
        var milliseconds = timeout.TotalMilliseconds;
        return milliseconds >= long.MaxValue / 2 ? long.MaxValue : Environment.TickCount64 + (long)milliseconds;
    }

    /// <summary>Replaces a caller-owned body and request context by copies, before the call is delivered in this silo.</summary>
    internal void CopyForLocalDelivery(Message message)
    {
        message.Body = Serializer.DeepCopy((IInvokable)message.Body);
        message.RequestContext = CopyRequestContext(message.RequestContext);
        message.IsCallerOwned = false;
    }

    /// <summary>Request-context values travel as copies, like arguments.</summary>
    private RequestContextData? CopyRequestContext(RequestContextData? data)
    {
        if (data is null || data.Values.Count == 0)
            return data;
        var values = new Dictionary<string, object>(data.Values.Count, StringComparer.Ordinal);
        foreach (var (key, value) in data.Values)
            values[key] = Serializer.DeepCopy(value);
        return new RequestContextData(values, data.AllowCallChainReentrancy);
    }
}

/// <summary>Creates the serializer for a runtime (which it needs to read grain references back into proxies).</summary>
public delegate ISerializer SerializerFactory(IGrainReferenceRuntime runtime);

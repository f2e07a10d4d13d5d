using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Filters;
using QuantumScheduler.Runtime.GrainReferences;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Networking;
using QuantumScheduler.Runtime.Serialization;

namespace QuantumScheduler.Runtime.Client.Messaging;

/// <summary>
/// The external client's side of every grain call: outgoing filters, then the request sent to the current gateway,
/// and the decision what to do when that fails. A call is resent — on another gateway when the current one failed or
/// is leaving — only when it certainly did not run: it never left this process, or the gateway answered that it was
/// refused without running. A call whose request was written to the socket before the connection broke may have run:
/// it fails with <see cref="GatewayConnectionLostException"/>, never resent. All attempts share the call's response
/// timeout.
/// </summary>
internal sealed partial class ClientGrainReferenceRuntime : IGrainReferenceRuntime
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    private readonly GatewayConnector _connector;
    private readonly ClientOptions _options;
    private readonly IOutgoingGrainCallFilter[] _outgoingFilters;
    private readonly Func<GrainReference, IInvokable, ValueTask<Response>> _send;
    private readonly MessageFrameCodec _codec;
    private readonly ILogger<ClientGrainReferenceRuntime> _logger;
    private long _nextMessageId;
    private long _retries;

    public ClientGrainReferenceRuntime(GatewayConnector connector, IOptions<ClientOptions> options, IEnumerable<IOutgoingGrainCallFilter> outgoingFilters, ILogger<ClientGrainReferenceRuntime> logger)
    {
        _connector = connector;
        _options = options.Value;
        _outgoingFilters = outgoingFilters.ToArray();
        _logger = logger;
        _send = SendAsync;
        Serializer = new Serializer(this);
        _codec = new MessageFrameCodec(Serializer);
    }

    /// <summary>Reads grain references in responses back into proxies bound to this client.</summary>
    public ISerializer Serializer { get; }

    /// <summary>The codec the connector's connections encode and decode with.</summary>
    public MessageFrameCodec Codec => _codec;

    /// <summary>How many attempts were resent after a gateway failed, left or refused a call (for logs and tests).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public async ValueTask<T> InvokeAsync<T>(GrainReference reference, IInvokable request) => (await InvokeWithFiltersAsync(reference, request).ConfigureAwait(false)).GetResult<T>();

    public async ValueTask InvokeAsync(GrainReference reference, IInvokable request)
    {
        if ((await InvokeWithFiltersAsync(reference, request).ConfigureAwait(false)).Exception is { } exception)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
    }

    public void InvokeOneWay(GrainReference reference, IInvokable request) => _ = SendOneWayAsync(reference, request);

    public GrainReference CreateReference(GrainId grainId, Type interfaceType) => GrainReferenceRuntime.CreateProxy(grainId, interfaceType, this);

    private ValueTask<Response> InvokeWithFiltersAsync(GrainReference reference, IInvokable request) =>
        _outgoingFilters.Length == 0 ? SendAsync(reference, request) : OutgoingCallContext.InvokeAsync(reference, request, null, _outgoingFilters, _send);

    private async ValueTask<Response> SendAsync(GrainReference reference, IInvokable request)
    {
        var token = request.CancellationToken;
        token.ThrowIfCancellationRequested();
        var timeout = request.ResponseTimeout ?? _options.ResponseTimeout;
        var deadline = DateTime.UtcNow + timeout;
        var pause = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            var connection = await _connector.GetConnectionAsync(_codec, deadline, token).ConfigureAwait(false);
            var message = NewMessage(reference, request, MessageDirection.Request, deadline);
            var pending = connection.CallAsync(message);
            CallOutcome outcome;
            try
            {
                outcome = await pending.WaitAsync(Remaining(deadline), token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                connection.Forget(message.Id);
                throw new TimeoutException(
                    $"Response did not arrive on time in {timeout} for {request.InterfaceType.Name}.{request.MethodName} on {reference.GrainId} " +
                    $"(through {connection}, attempt {attempt}); the call may or may not have run.");
            }
            catch (OperationCanceledException)
            {
                connection.Forget(message.Id);
                throw;
            }

            switch (outcome.Kind)
            {
                case CallOutcomeKind.Completed:
                    return outcome.Response!;
                case CallOutcomeKind.Lost:
                    throw new GatewayConnectionLostException(
                        $"The connection to {connection} broke ({outcome.Reason}) after {request.InterfaceType.Name}.{request.MethodName} on {reference.GrainId} " +
                        "was sent; the call may or may not have run, so it was not resent.");
                case CallOutcomeKind.NotSent:
                    _connector.Abandon(connection, outcome.Reason ?? "the connection closed");
                    break;
                case CallOutcomeKind.Rejected:
                    if (outcome.GatewayLeaving)
                        _connector.Abandon(connection, outcome.Reason ?? "the gateway is leaving");
                    else
                    {
                        // The cluster refused it (a silo stopping, a grain between silos): give it a moment to settle.
                        await Task.Delay(Min(pause, Remaining(deadline)), token).ConfigureAwait(false);
                        pause = Min(pause * 2, MaxRetryDelay);
                    }
                    break;
            }
            Interlocked.Increment(ref _retries);
            LogResending(_logger, request.InterfaceType.Name, request.MethodName, reference.GrainId, attempt, outcome.Kind, outcome.Reason ?? "");
            if (Remaining(deadline) <= TimeSpan.Zero)
                throw new TimeoutException(
                    $"{request.InterfaceType.Name}.{request.MethodName} on {reference.GrainId} was refused or not sent in {attempt} attempts within {timeout} " +
                    $"(last: {outcome.Kind}, {outcome.Reason}); it did not run.");
        }
    }

    private async Task SendOneWayAsync(GrainReference reference, IInvokable request)
    {
        try
        {
            var deadline = DateTime.UtcNow + (request.ResponseTimeout ?? _options.ResponseTimeout);
            var connection = await _connector.GetConnectionAsync(_codec, deadline, CancellationToken.None).ConfigureAwait(false);
            if (!connection.SendOneWay(NewMessage(reference, request, MessageDirection.OneWay, deadline)))
                LogOneWayDropped(_logger, request.InterfaceType.Name, request.MethodName, reference.GrainId, "the gateway connection is closed");
        }
        catch (Exception exception)
        {
            LogOneWayDropped(_logger, request.InterfaceType.Name, request.MethodName, reference.GrainId, exception.Message);
        }
    }

    private Message NewMessage(GrainReference reference, IInvokable request, MessageDirection direction, DateTime deadline) => new()
    {
        Id = Interlocked.Increment(ref _nextMessageId),
        Direction = direction,
        TargetGrain = reference.GrainId,
        InterfaceType = request.InterfaceType,
        MethodName = request.MethodName,
        Options = request.Options,
        ExpiresAt = Environment.TickCount64 + (long)Remaining(deadline).TotalMilliseconds,
        TraceContext = Activity.Current?.Context ?? default,
        RequestContext = RequestContext.CurrentData,
        // Encoding the frame serialises the request: the caller's objects are never shared with the call.
        Body = request,
    };

    private static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Resending {Interface}.{Method} on {GrainId} after attempt {Attempt}: {Outcome} ({Reason}).")]
    private static partial void LogResending(ILogger logger, string @interface, string method, GrainId grainId, int attempt, CallOutcomeKind outcome, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The one-way call {Interface}.{Method} on {GrainId} was not sent: {Reason}.")]
    private static partial void LogOneWayDropped(ILogger logger, string @interface, string method, GrainId grainId, string reason);
}

using Microsoft.Extensions.Logging;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Networking;

namespace QuantumScheduler.Runtime.Gateway;

/// <summary>
/// One external client connected to this gateway: reads its requests, runs each in the cluster through the
/// <see cref="GatewayCallInvoker"/> and writes back the response. A request that arrives while the gateway is leaving
/// is not run: it is answered with a rejection the client resends elsewhere. Counts the requests in flight so a leaving
/// gateway can wait for them before it closes.
/// </summary>
internal sealed partial class GatewayClientConnection
{
    private readonly FramedConnection _connection;
    private readonly ClientGateway _gateway;
    private readonly MessageFrameCodec _codec;
    private readonly GatewayCallInvoker _invoker;
    private readonly LocalSilo _silo;
    private readonly ILogger _logger;
    private int _inFlight;
    private int _leavingAnnounced;
    private volatile bool _leavingAcknowledged;

    public GatewayClientConnection(FramedConnection connection, SiloAddress client, ClientGateway gateway, MessageFrameCodec codec, GatewayCallInvoker invoker, LocalSilo silo, ILogger logger)
    {
        _connection = connection;
        Client = client;
        _gateway = gateway;
        _codec = codec;
        _invoker = invoker;
        _silo = silo;
        _logger = logger;
    }

    /// <summary>The client's address as its handshake announced it.</summary>
    public SiloAddress Client { get; }

    public FramedConnection Connection => _connection;

    /// <summary>Requests received and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>True once the client acknowledged that this gateway is leaving: it sends nothing more after that.</summary>
    public bool IsLeavingAcknowledged => _leavingAcknowledged;

    /// <summary>Tells the client that this gateway is leaving; once per connection.</summary>
    public void AnnounceLeaving()
    {
        if (Interlocked.Exchange(ref _leavingAnnounced, 1) == 0)
            _connection.TrySend(ControlFrames.Leaving(_silo.Address.Generation));
    }

    public void OnFrame(FrameType type, ReadOnlySpan<byte> payload)
    {
        if (type == FrameType.LeavingAck)
        {
            _leavingAcknowledged = true;
            return;
        }
        if (type != FrameType.Message)
        {
            _connection.Close(new InvalidDataException($"Client {Client} sent a {type} frame; a client sends only messages and leaving acknowledgements."));
            return;
        }
        var incoming = _codec.Decode(payload);
        if (incoming.Direction == MessageDirection.Response)
        {
            _connection.Close(new InvalidDataException($"Client {Client} sent a response; a client sends only requests."));
            return;
        }
        if (incoming.Request is not { } request)
        {
            Reply(incoming.Id, null, Response.FromException(incoming.BodyError!));
            return;
        }
        if (_gateway.IsLeaving || !_silo.IsAcceptingCalls)
        {
            Reject(incoming.Id, $"gateway {_silo.Name} is {(_gateway.IsLeaving ? "leaving the cluster" : _silo.Status.ToString())}");
            return;
        }
        // Counted before it leaves the read loop, so a leaving gateway waits for it. Off the read loop, for the reason the
        // silo transport gives: a grain that holds its thread must not hold up the connection's other requests.
        Interlocked.Increment(ref _inFlight);
        ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Connection.RunAsync(state.Request), (Connection: this, Request: request), preferLocal: false);
    }

    private async Task RunAsync(Message request)
    {
        try
        {
            var response = await _invoker.InvokeAsync(request).ConfigureAwait(false);
            if (request.Direction == MessageDirection.OneWay)
                return;
            // The cluster refused the call without running it (a silo stopping, a grain between silos): the client may
            // resend it, through another gateway when this one is leaving. A call lost with its silo's connection may
            // have run, so it goes back as the failure it is.
            if (response.Exception is SiloUnavailableException { IsRetryable: true } refusal)
                Reject(request.Id, refusal.Message);
            else
                Reply(request.Id, request, response);
        }
        catch (Exception exception)
        {
            LogRequestFailed(_logger, exception, request.ToString(), Client.ToString());
            Reply(request.Id, request, Response.FromException(exception));
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void Reply(long messageId, Message? request, Response response) =>
        _connection.TrySend(_codec.EncodeResponse(messageId, request, response, _silo.Address, Client));

    private void Reject(long messageId, string reason) =>
        _connection.TrySend(GatewayFrames.Rejection(messageId, _gateway.IsLeaving, reason));

    [LoggerMessage(Level = LogLevel.Error, Message = "Running {Request} for client {Client} failed in the gateway.")]
    private static partial void LogRequestFailed(ILogger logger, Exception exception, string request, string client);
}

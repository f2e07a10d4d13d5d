using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Placement;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>
/// The silo-to-silo transport: listens on the silo port, keeps one <see cref="SiloConnection"/> per remote endpoint,
/// turns messages into frames and frames back into messages for the <see cref="MessageCenter"/>, answers probes and
/// publishes this silo's activation count. Starts at <see cref="SiloLifecycleStage.Transport"/>; at that point the
/// silo learns its real port (port 0 picks a free one).
/// </summary>
internal sealed partial class SiloConnectionManager : ISiloLifecycleParticipant, IFrameHandler, IAsyncDisposable
{
    // Polled: a departure happens once per silo life, and the acknowledgements have long arrived when it stops.
    private static readonly TimeSpan LeavePollPeriod = TimeSpan.FromMilliseconds(10);

    private readonly ConcurrentDictionary<SiloEndpoint, SiloConnection> _connections = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<long>> _probes = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly LocalSilo _localSilo;
    private readonly MessageCenter _messageCenter;

    /// <summary>Requests read from a connection and not yet handed to the message center (they cross to the thread pool).</summary>
    private int _undelivered;
    private readonly MessageFrameCodec _codec;
    private readonly SiloLoadTable _loads;
    private readonly DepartingSilos _departing;
    private readonly Func<int> _activationCount;
    private readonly EndpointOptions _endpoint;
    private readonly TransportOptions _options;
    private readonly ILogger<SiloConnectionManager> _logger;
    private TcpAcceptor? _listener;
    private Timer? _statisticsTimer;
    private long _nextProbeId;
    private volatile bool _leaving;

    public SiloConnectionManager(
        LocalSilo localSilo,
        MessageCenter messageCenter,
        MessageFrameCodec codec,
        SiloLoadTable loads,
        DepartingSilos departing,
        IServiceProvider services,
        IOptions<EndpointOptions> endpoint,
        IOptions<TransportOptions> options,
        ILogger<SiloConnectionManager> logger)
    {
        _localSilo = localSilo;
        _messageCenter = messageCenter;
        _codec = codec;
        _loads = loads;
        _departing = departing;
        // Resolved late: the catalog's activations reach the membership view, which listens to this transport.
        _activationCount = () => services.GetRequiredService<Catalog>().Count;
        _endpoint = endpoint.Value;
        _options = options.Value;
        _logger = logger;
    }

    public int Stage => SiloLifecycleStage.Transport;

    public SiloAddress LocalAddress => _localSilo.Address;

    /// <summary>Raised after every successful handshake, dialled or accepted, with the peer's address.</summary>
    public event Action<SiloAddress>? SiloConnected;

    /// <summary>Listens on the silo port; an embedded silo (no silo port) has no transport and this does nothing.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_endpoint.IsClustered)
            return Task.CompletedTask;
        var host = _endpoint.AdvertisedHost;
        _listener = TcpAcceptor.Start(host, _endpoint.SiloPort ?? 0, "silo",
            reason => $"Silo {_localSilo.Name} cannot listen on {host}:{_endpoint.SiloPort} ({EndpointOptions.SectionName}:SiloPort): {reason}",
            AcceptAsync, _logger, _stopping.Token);
        var port = _listener.Port;
        _localSilo.BindEndpoint(host, port);
        LogListening(_logger, _localSilo.Name, _localSilo.Address.ToString(), _endpoint.SiloPort == 0 ? " (a free port was picked)" : "");
        _statisticsTimer = new Timer(static state => ((SiloConnectionManager)state!).PublishStatistics(), this, _options.StatisticsPeriod, _options.StatisticsPeriod);
        return Task.CompletedTask;
    }

    /// <summary>Tells every connected silo that this one is leaving, so they send it no new requests (their callers resend
    /// those elsewhere); responses and this silo's own calls keep flowing while its grains deactivate.</summary>
    public Task OnShuttingDownAsync(CancellationToken cancellationToken)
    {
        if (!_endpoint.IsClustered)
            return Task.CompletedTask;
        _leaving = true;
        foreach (var connection in _connections.Values)
        {
            if (connection.IsConnected)
                connection.AnnounceLeaving(LocalAddress.Generation);
        }
        return Task.CompletedTask;
    }

    /// <summary>Waits until every connected silo has acknowledged the departure (no request is still on its way here)
    /// and what is queued is written, then closes; <see cref="TransportOptions.LeaveTimeout"/> bounds the whole.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_leaving && !_stopping.IsCancellationRequested)
        {
            _listener?.Dispose();
            var deadline = Environment.TickCount64 + (long)_options.LeaveTimeout.TotalMilliseconds;
            // A peer acknowledges behind the requests it sent; those requests must also have been handed to the message
            // center, whose answers (or refusals) are queued before the connections drain.
            while ((_connections.Values.Any(static connection => connection.IsConnected && !connection.IsLeavingAcknowledged) || Volatile.Read(ref _undelivered) > 0)
                   && Environment.TickCount64 < deadline)
                await Task.Delay(LeavePollPeriod, CancellationToken.None);
            var left = TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
            await Task.WhenAll(_connections.Values.Select(connection => connection.DrainAndCloseAsync(left)));
        }
        await DisposeAsync();
    }

    public ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return ValueTask.CompletedTask;
        _stopping.Cancel();
        _statisticsTimer?.Dispose();
        _listener?.Dispose();
        var stopped = new SiloUnavailableException($"Silo {_localSilo.Name} stopped its transport.");
        foreach (var connection in _connections.Values)
            connection.Close(stopped);
        return ValueTask.CompletedTask;
    }

    /// <summary>Sends a request (or one-way call) to <paramref name="target"/>. A request that cannot be encoded, is too
    /// large or finds the send queue full is rejected at once with an error naming the reason.</summary>
    public void SendRequest(Message message, SiloAddress target)
    {
        FrameBuffer frame;
        try
        {
            frame = _codec.EncodeRequest(message, message.SendingSilo ?? LocalAddress, target);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _messageCenter.Reject(message, new InvalidOperationException(
                $"{message.InterfaceType.Name}.{message.MethodName} on {message.TargetGrain} could not be serialised for silo {target}: {exception.Message}", exception), "serialization");
            return;
        }
        if (frame.Length > _options.MaxFrameSize)
        {
            frame.Return();
            _messageCenter.Reject(message, new InvalidOperationException(
                $"{message.InterfaceType.Name}.{message.MethodName} on {message.TargetGrain} is {frame.Length} bytes on the wire; the limit is {_options.MaxFrameSize} ({TransportOptions.SectionName}:MaxFrameSize)."), "frame-too-large");
            return;
        }
        message.TargetSilo = target;
        if (_departing.Contains(target))
        {
            frame.Return();
            RejectUnsent(message, target, new SiloUnavailableException(
                $"Silo {target} is leaving the cluster and takes no more requests; {message.InterfaceType.Name}.{message.MethodName} on {message.TargetGrain} was not sent. Retry it (it will be placed anew)."));
            return;
        }
        var outgoing = new OutgoingFrame(frame, target.Generation, isRequest: true, exception => RejectUnsent(message, target, exception));
        if (!GetConnection(SiloEndpoint.Of(target)).TryEnqueueRequest(outgoing))
        {
            frame.Return();
            _messageCenter.Reject(message, new SiloUnavailableException(
                $"The send queue to silo {target} is full ({_options.SendQueueCapacity} requests, {TransportOptions.SectionName}:SendQueueCapacity); " +
                $"{message.InterfaceType.Name}.{message.MethodName} on {message.TargetGrain} was not sent. Retry it after a pause."), "send-queue-full");
        }
    }

    /// <summary>A request that was not sent. When its silo announced its departure, that silo counts as the one that
    /// refused it, which is what lets the caller's runtime resend it elsewhere.</summary>
    private void RejectUnsent(Message message, SiloAddress target, Exception exception)
    {
        if (_departing.Contains(target))
            message.RespondingSilo = target;
        _messageCenter.Reject(message, exception, "silo-unreachable");
    }

    /// <summary>Sends the response to a request that came from another silo back to that silo.</summary>
    public void SendResponse(Message request, Response response)
    {
        var target = request.SendingSilo!;
        var frame = _codec.EncodeResponse(request.Id, request, response, LocalAddress, target);
        GetConnection(SiloEndpoint.Of(target)).Enqueue(new OutgoingFrame(frame, target.Generation, isRequest: false,
            exception => LogResponseDropped(_logger, request.Id, target.ToString(), exception.Message)));
    }

    /// <summary>Tells <paramref name="target"/> that the caller of request <paramref name="messageId"/> cancelled it. Only
    /// over a connection that exists: without one, no request of this silo is on its way there.</summary>
    public void SendCancel(SiloAddress target, long messageId)
    {
        if (_connections.TryGetValue(SiloEndpoint.Of(target), out var connection))
            connection.Enqueue(new OutgoingFrame(ControlFrames.Cancel(messageId), target.Generation, isRequest: false, null));
    }

    /// <summary>Tells <paramref name="sender"/> that its request <paramref name="messageId"/> went on to <paramref name="target"/>.</summary>
    public void NotifyForwarded(SiloAddress sender, long messageId, SiloAddress target) =>
        GetConnection(SiloEndpoint.Of(sender)).Enqueue(new OutgoingFrame(ControlFrames.Forwarded(messageId, target), sender.Generation, isRequest: false, null));

    /// <summary>Sends a ping to <paramref name="target"/> and returns the generation that answered (0 when none did in time).</summary>
    public async Task<long> PingAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var probeId = Interlocked.Increment(ref _nextProbeId);
        var answer = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _probes[probeId] = answer;
        try
        {
            GetConnection(SiloEndpoint.Of(target)).Enqueue(new OutgoingFrame(ControlFrames.Ping(probeId, target.Generation), target.Generation, isRequest: false,
                _ => answer.TrySetResult(0)));
            return await answer.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return 0;
        }
        finally
        {
            _probes.TryRemove(probeId, out _);
        }
    }

    /// <summary>Closes the connection to a silo declared dead and fails what was queued or waiting for it.</summary>
    public void Disconnect(SiloAddress silo, string reason)
    {
        if (_connections.TryGetValue(SiloEndpoint.Of(silo), out var connection) && connection.RemoteSilo == silo)
            connection.Close(new SiloUnavailableException($"Silo {silo} is {reason}; the call may or may not have run."));
    }

    /// <summary>The silos this silo has a live link to.</summary>
    public IEnumerable<SiloAddress> ConnectedSilos =>
        _connections.Values.Where(static connection => connection.IsConnected).Select(static connection => connection.RemoteSilo!);

    public void OnFrame(ConnectionLink link, FrameType type, ReadOnlySpan<byte> payload)
    {
        switch (type)
        {
            case FrameType.Message:
                OnMessage(_codec.Decode(payload));
                break;
            case FrameType.Ping:
                var (probeId, expected) = ControlFrames.ReadPair(payload);
                // A ping for an older generation of this endpoint is answered with the current one, so the prober sees the restart.
                GetConnection(SiloEndpoint.Of(link.Remote)).Enqueue(new OutgoingFrame(ControlFrames.Pong(probeId, LocalAddress.Generation), 0, isRequest: false, null));
                if (expected != 0 && expected != LocalAddress.Generation)
                    LogStaleProbe(_logger, expected, LocalAddress.ToString());
                break;
            case FrameType.Pong:
                var (answeredProbe, generation) = ControlFrames.ReadPair(payload);
                if (_probes.TryGetValue(answeredProbe, out var answer))
                    answer.TrySetResult(generation);
                break;
            case FrameType.Statistics:
                _loads.Report(link.Remote, ControlFrames.ReadStatistics(payload));
                break;
            case FrameType.Leaving:
                if (ControlFrames.ReadGeneration(payload) == link.Remote.Generation)
                {
                    _departing.Add(link.Remote);
                    GetConnection(SiloEndpoint.Of(link.Remote)).AcknowledgeLeaving(link.Remote);
                    LogPeerLeaving(_logger, link.Remote.ToString());
                }
                break;
            case FrameType.Forwarded:
                var (forwardedId, forwardTarget) = ControlFrames.ReadForwarded(payload);
                _messageCenter.OnForwarded(forwardedId, link.Remote, forwardTarget);
                break;
            case FrameType.Cancel:
                _messageCenter.OnCancelled(link.Remote, ControlFrames.ReadCancel(payload));
                break;
            case FrameType.LeavingAck:
                if (ControlFrames.ReadGeneration(payload) == LocalAddress.Generation)
                    GetConnection(SiloEndpoint.Of(link.Remote)).OnLeavingAcknowledged();
                break;
            default:
                throw new InvalidDataException($"Silo {link.Remote} sent an unexpected {type} frame.");
        }
    }

    internal ConnectionLink CreateLink(Socket socket, SiloAddress remote, SiloConnection owner) => new(socket, remote, owner, this, _options.MaxFrameSize);

    internal void OnSiloConnected(SiloAddress remote)
    {
        LogConnected(_logger, _localSilo.Name, remote.ToString());
        // A silo that connects while this one leaves hears it at once.
        if (_leaving)
            GetConnection(SiloEndpoint.Of(remote)).AnnounceLeaving(LocalAddress.Generation);
        SiloConnected?.Invoke(remote);
    }

    internal void OnSiloDisconnected(SiloAddress remote, Exception? reason)
    {
        if (!_stopping.IsCancellationRequested)
            _messageCenter.OnSiloLost(remote, reason);
    }

    private void OnMessage(IncomingMessage incoming)
    {
        var local = LocalAddress;
        if (incoming.Target.Generation != local.Generation)
        {
            // Meant for an earlier process on this endpoint: it is gone, and so is whatever it hosted.
            if (incoming.Direction == MessageDirection.Request)
                SendRejection(incoming, new SiloUnavailableException(
                    $"Silo {incoming.Target} is gone: {local} runs on its endpoint now. The call did not run; retry it (it will be placed anew)."));
            return;
        }
        if (incoming.Direction == MessageDirection.Response)
        {
            _messageCenter.ReceiveResponse(incoming.Id, incoming.Sender, incoming.Response!);
            return;
        }
        if (incoming.BodyError is { } error)
        {
            if (incoming.Direction == MessageDirection.Request)
                SendRejection(incoming, error);
            return;
        }
        // Off the connection's read loop: a grain that holds its thread (an idle activation starts a call on the
        // delivering thread) must not hold up the other messages on this connection.
        _messageCenter.TrackCancellation(incoming.Request!);
        Interlocked.Increment(ref _undelivered);
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Manager.Deliver(state.Request), (Manager: this, Request: incoming.Request!), preferLocal: false);
    }

    private void Deliver(Message request)
    {
        try
        {
            _messageCenter.ReceiveRequest(request);
        }
        finally
        {
            Interlocked.Decrement(ref _undelivered);
        }
    }

    private void SendRejection(IncomingMessage incoming, Exception exception)
    {
        var frame = _codec.EncodeResponse(incoming.Id, null, Response.FromException(exception), LocalAddress, incoming.Sender);
        GetConnection(SiloEndpoint.Of(incoming.Sender)).Enqueue(new OutgoingFrame(frame, incoming.Sender.Generation, isRequest: false, null));
    }

    private SiloConnection GetConnection(SiloEndpoint endpoint) =>
        _connections.GetOrAdd(endpoint, static (endpoint, manager) =>
            new SiloConnection(endpoint, manager, manager._options, manager._logger, manager._stopping.Token), this);

    private async Task AcceptAsync(Socket socket)
    {
        try
        {
            socket.NoDelay = true;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(_options.ConnectTimeout);
            var remote = await ConnectionLink.HandshakeAsync(socket, LocalAddress, timeout.Token);
            var connection = GetConnection(SiloEndpoint.Of(remote));
            connection.Adopt(CreateLink(socket, remote, connection));
            OnSiloConnected(remote);
        }
        catch (Exception exception)
        {
            LogHandshakeFailed(_logger, socket.RemoteEndPoint?.ToString() ?? "?", exception.Message);
            socket.Dispose();
        }
    }

    private void PublishStatistics()
    {
        var count = _activationCount();
        _loads.Report(LocalAddress, count);
        foreach (var connection in _connections.Values)
        {
            if (connection.IsConnected)
                connection.Enqueue(new OutgoingFrame(ControlFrames.Statistics(count), 0, isRequest: false, null));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloName} listens for silos as {SiloAddress}{PortNote}.")]
    private static partial void LogListening(ILogger logger, string siloName, string siloAddress, string portNote);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloName} connected to silo {Remote}.")]
    private static partial void LogConnected(ILogger logger, string siloName, string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A silo connection from {Remote} failed its handshake: {Reason}")]
    private static partial void LogHandshakeFailed(ILogger logger, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped the response to message #{MessageId} for silo {Target}: {Reason}")]
    private static partial void LogResponseDropped(ILogger logger, long messageId, string target, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {Silo} announced that it is leaving; no more requests are sent to it.")]
    private static partial void LogPeerLeaving(ILogger logger, string silo);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answered a probe for generation {Expected} as {Local}.")]
    private static partial void LogStaleProbe(ILogger logger, long expected, string local);
}

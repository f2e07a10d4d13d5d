using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Networking;

namespace QuantumScheduler.Runtime.Gateway;

/// <summary>
/// The silo's door for external clients (<see cref="EndpointOptions.GatewayPort"/>): accepts their connections, sends
/// each the cluster's grain manifest and runs their requests in the cluster. When the silo stops it leaves gracefully:
/// it tells every client it is leaving (they send their next calls through another gateway), refuses new requests as
/// not run, answers those in flight, and closes a connection only once its client has acknowledged the departure, so
/// no request can be on its way when the connection closes. A silo without a gateway port runs none of this.
/// </summary>
internal sealed partial class ClientGateway : ISiloLifecycleParticipant, IAsyncDisposable
{
    private static readonly TimeSpan DrainPollPeriod = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentDictionary<GatewayClientConnection, byte> _clients = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly LocalSilo _silo;
    private readonly GrainClassRegistry _grainClasses;
    private readonly MessageFrameCodec _codec;
    private readonly GatewayCallInvoker _invoker;
    private readonly EndpointOptions _endpoint;
    private readonly TransportOptions _transport;
    private readonly ILogger<ClientGateway> _logger;
    private TcpAcceptor? _listener;
    private volatile bool _leaving;

    public ClientGateway(
        LocalSilo silo,
        GrainClassRegistry grainClasses,
        MessageFrameCodec codec,
        GatewayCallInvoker invoker,
        IOptions<EndpointOptions> endpoint,
        IOptions<TransportOptions> transport,
        ILogger<ClientGateway> logger)
    {
        _silo = silo;
        _grainClasses = grainClasses;
        _codec = codec;
        _invoker = invoker;
        _endpoint = endpoint.Value;
        _transport = transport.Value;
        _logger = logger;
    }

    /// <summary>After the silo-to-silo transport, so the handshake carries the silo's real address; before membership,
    /// so the membership row can announce the gateway port.</summary>
    public int Stage => SiloLifecycleStage.Transport + 100;

    /// <summary>Where clients connect, once listening; null when the silo is no gateway (or has not started).</summary>
    public SiloEndpoint? Endpoint { get; private set; }

    /// <summary>True once the silo started stopping: requests are refused as not run.</summary>
    public bool IsLeaving => _leaving;

    /// <summary>The connected clients.</summary>
    public int ClientCount => _clients.Count;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_endpoint.GatewayPort is not { } configuredPort)
            return Task.CompletedTask;
        var host = _endpoint.AdvertisedHost;
        var listener = TcpAcceptor.Start(host, configuredPort, "client",
            reason => $"Silo {_silo.Name} cannot listen for clients on {host}:{configuredPort} ({EndpointOptions.SectionName}:GatewayPort): {reason}",
            AcceptAsync, _logger, _stopping.Token);
        _listener = listener;
        Endpoint = new SiloEndpoint(host, listener.Port);
        LogListening(_logger, _silo.Name, Endpoint.Value.ToString());
        return Task.CompletedTask;
    }

    /// <summary>Refuses new requests and waits (within the silo's shutdown timeout) until those in flight are answered.</summary>
    public async Task OnShuttingDownAsync(CancellationToken cancellationToken)
    {
        if (_listener is null)
            return;
        _leaving = true;
        foreach (var client in _clients.Keys)
            client.AnnounceLeaving();
        LogLeaving(_logger, _silo.Name, _clients.Count, _clients.Keys.Sum(static client => client.InFlight));
        // Polled: this runs once per silo life, and a few milliseconds of lag do not matter while grains still run.
        while (_clients.Keys.Any(static client => client.InFlight > 0))
        {
            try
            {
                await Task.Delay(DrainPollPeriod, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                LogDrainIncomplete(_logger, _silo.Name, _clients.Keys.Sum(static client => client.InFlight));
                return;
            }
        }
    }

    /// <summary>Closes every client connection once its client acknowledged the departure and what is queued for it is
    /// written, within <see cref="TransportOptions.LeaveTimeout"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is null)
            return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        using var timeout = new CancellationTokenSource(_transport.LeaveTimeout);
        try
        {
            while (_clients.Keys.Any(static client => !client.IsLeavingAcknowledged && !client.Connection.IsClosed))
                await Task.Delay(DrainPollPeriod, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogLeavingUnacknowledged(_logger, _silo.Name, _clients.Keys.Count(static client => !client.IsLeavingAcknowledged));
        }
        await Task.WhenAll(_clients.Keys.Select(client => client.Connection.CloseAfterQueuedAsync(timeout.Token))).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
            await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        foreach (var client in _clients.Keys)
            client.Connection.Close(null);
    }

    private async Task AcceptAsync(Socket socket)
    {
        try
        {
            socket.NoDelay = true;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(_transport.ConnectTimeout);
            var client = await ConnectionLink.HandshakeAsync(socket, _silo.Address, timeout.Token).ConfigureAwait(false);
            var connection = new FramedConnection(socket, _transport.MaxFrameSize);
            var clientConnection = new GatewayClientConnection(connection, client, this, _codec, _invoker, _silo, _logger);
            _clients[clientConnection] = 0;
            connection.TrySend(GatewayFrames.Manifest(Manifest()));
            // A client that connects while the gateway leaves hears it at once (announcing twice is harmless).
            if (_leaving)
                clientConnection.AnnounceLeaving();
            connection.Start(clientConnection.OnFrame);
            LogClientConnected(_logger, _silo.Name, client.ToString());
            var reason = await connection.Closed.ConfigureAwait(false);
            _clients.TryRemove(clientConnection, out _);
            LogClientDisconnected(_logger, _silo.Name, client.ToString(), reason?.Message ?? "closed");
        }
        catch (Exception exception)
        {
            LogHandshakeFailed(_logger, socket.RemoteEndPoint?.ToString() ?? "?", exception.Message);
            socket.Dispose();
        }
    }

    private List<GrainManifestEntry> Manifest() =>
        _grainClasses.GrainClasses
            .Select(static grainClass => new GrainManifestEntry(
                grainClass.GrainType,
                grainClass.GrainClass.FullName ?? grainClass.GrainClass.Name,
                grainClass.Interfaces.Select(static grainInterface => grainInterface.FullName ?? grainInterface.Name).ToList()))
            .ToList();

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloName} is a gateway for clients on {Gateway}.")]
    private static partial void LogListening(ILogger logger, string siloName, string gateway);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway {SiloName} is leaving: refusing new client requests, waiting for {InFlight} in flight from {Clients} clients.")]
    private static partial void LogLeaving(ILogger logger, string siloName, int clients, int inFlight);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway {SiloName} stopped waiting for client requests in flight; {InFlight} were not answered.")]
    private static partial void LogDrainIncomplete(ILogger logger, string siloName, int inFlight);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway {SiloName} closed while {Clients} clients had not acknowledged that it is leaving; requests they sent meanwhile may be lost.")]
    private static partial void LogLeavingUnacknowledged(ILogger logger, string siloName, int clients);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway {SiloName}: client {Client} connected.")]
    private static partial void LogClientConnected(ILogger logger, string siloName, string client);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway {SiloName}: client {Client} disconnected ({Reason}).")]
    private static partial void LogClientDisconnected(ILogger logger, string siloName, string client, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A client connection from {Remote} failed its handshake: {Reason}")]
    private static partial void LogHandshakeFailed(ILogger logger, string remote, string reason);
}

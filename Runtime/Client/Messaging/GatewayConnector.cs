using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Client.Gateways;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Networking;

namespace QuantumScheduler.Runtime.Client.Messaging;

/// <summary>
/// Holds the client's connection to its current gateway and replaces it when it fails: the next call connects to
/// another gateway from the <see cref="GatewayManager"/>, trying each until one answers. Every new connection brings
/// the cluster's grain manifest, which updates the <see cref="ClusterManifest"/>.
/// </summary>
internal sealed partial class GatewayConnector : IAsyncDisposable
{
    /// <summary>Frames bigger than this are refused: the silo transport's default limit, which gateways use too.</summary>
    private static readonly int MaxFrameSize = new TransportOptions().MaxFrameSize;

    private readonly GatewayManager _gateways;
    private readonly ClusterManifest _manifest;
    private readonly ClientOptions _options;
    private readonly ILogger<GatewayConnector> _logger;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private volatile GatewayConnection? _current;

    public GatewayConnector(GatewayManager gateways, ClusterManifest manifest, IOptions<ClientOptions> options, ILogger<GatewayConnector> logger)
    {
        _gateways = gateways;
        _manifest = manifest;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>This client's address in handshakes and message headers: unique per client instance.</summary>
    public SiloAddress ClientAddress { get; } = new($"client-{Guid.NewGuid():N}", 0, SiloAddress.NewGeneration());

    /// <summary>The gateway calls go to now; null before the first connection or after a failure.</summary>
    public GatewayConnection? Current => _current;

    /// <summary>The open connection, or a new one to the next gateway that answers before <paramref name="deadline"/>.</summary>
    /// <exception cref="SiloUnavailableException">No gateway answered in time; a call waiting for this did not run.</exception>
    public async ValueTask<GatewayConnection> GetConnectionAsync(MessageFrameCodec codec, DateTime deadline, CancellationToken cancellationToken)
    {
        if (_current is { IsClosed: false, IsLeaving: false } current)
            return current;
        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _current is { IsClosed: false, IsLeaving: false } connected ? connected : await ConnectAsync(codec, deadline, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>Stops sending on <paramref name="connection"/> (it failed, or its gateway is leaving): the next call connects
    /// elsewhere. It is not closed here: calls already sent through a leaving gateway are still answered, and the
    /// gateway closes the connection when it is done.</summary>
    public void Abandon(GatewayConnection connection, string reason)
    {
        if (Interlocked.CompareExchange(ref _current, null, connection) == connection)
            _gateways.MarkFailed(connection.Endpoint, reason);
    }

    public ValueTask DisposeAsync()
    {
        _current?.Close(null);
        return ValueTask.CompletedTask;
    }

    private async Task<GatewayConnection> ConnectAsync(MessageFrameCodec codec, DateTime deadline, CancellationToken cancellationToken)
    {
        var tried = new List<SiloEndpoint>();
        var failures = new List<string>();
        var pause = _options.RetryDelay;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new SiloUnavailableException(
                    $"No gateway of the cluster could be reached in time ({(failures.Count == 0 ? "the gateway list is empty" : string.Join("; ", failures.TakeLast(5)))}); " +
                    "the call was not sent.");
            if (_gateways.Pick(tried) is not { } endpoint)
            {
                // Every known gateway failed this round (or none is known): re-read the list, pause, go round again.
                tried.Clear();
                await RefreshQuietlyAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(Min(pause, left), cancellationToken).ConfigureAwait(false);
                pause = Min(pause * 2, TimeSpan.FromSeconds(1));
                continue;
            }
            tried.Add(endpoint);
            try
            {
                var (connection, manifest) = await GatewayConnection.ConnectAsync(endpoint, ClientAddress, codec, MaxFrameSize, Min(_options.ConnectTimeout, left), cancellationToken)
                    .ConfigureAwait(false);
                _manifest.Update(manifest);
                _current = connection;
                _ = WatchAsync(connection);
                LogConnected(_logger, connection.Gateway.ToString(), manifest.Count);
                return connection;
            }
            catch (Exception exception) when (exception is System.Net.Sockets.SocketException or TimeoutException or IOException or InvalidDataException)
            {
                failures.Add($"{endpoint}: {exception.Message}");
                _gateways.MarkFailed(endpoint, exception.Message);
            }
        }
    }

    /// <summary>Forgets a connection the gateway closed or announced it is leaving, so the next call goes elsewhere at once.</summary>
    private async Task WatchAsync(GatewayConnection connection)
    {
        await Task.WhenAny(connection.Closed, connection.Leaving).ConfigureAwait(false);
        var reason = connection.IsLeaving ? "the gateway is leaving" : (await connection.Closed.ConfigureAwait(false))?.Message ?? "closed by the gateway";
        if (Interlocked.CompareExchange(ref _current, null, connection) == connection)
        {
            LogDisconnected(_logger, connection.Gateway.ToString(), reason);
            _gateways.MarkFailed(connection.Endpoint, reason);
        }
    }

    private async Task RefreshQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _gateways.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRefreshFailed(_logger, exception.Message);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to gateway {Gateway}; the cluster has {GrainClassCount} grain classes.")]
    private static partial void LogConnected(ILogger logger, string gateway, int grainClassCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped using gateway {Gateway}: {Reason}.")]
    private static partial void LogDisconnected(ILogger logger, string gateway, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the gateway list failed: {Reason}")]
    private static partial void LogRefreshFailed(ILogger logger, string reason);
}

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>
/// A listening TCP socket on a silo's advertised host (every interface, dual mode, when the host is a name) and the
/// loop that hands each accepted socket to its owner until stopped. The silo transport and the client gateway each own one.
/// </summary>
internal sealed partial class TcpAcceptor : IDisposable
{
    private readonly Socket _listener;
    private readonly Func<Socket, Task> _onAccepted;
    private readonly ILogger _logger;
    private readonly string _what;
    private readonly CancellationToken _stopping;

    private TcpAcceptor(Socket listener, Func<Socket, Task> onAccepted, ILogger logger, string what, CancellationToken stopping)
    {
        _listener = listener;
        _onAccepted = onAccepted;
        _logger = logger;
        _what = what;
        _stopping = stopping;
        Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary>The port listened on (the one the operating system picked when 0 was asked for).</summary>
    public int Port { get; }

    /// <summary>Listens on <paramref name="host"/>:<paramref name="port"/> (0 = a free port) and starts accepting.</summary>
    /// <param name="host">The advertised host: an IP address is bound as such, a name binds every interface.</param>
    /// <param name="port">The port; 0 lets the operating system pick.</param>
    /// <param name="what">What connects here, for messages: "silo" or "client".</param>
    /// <param name="cannotListen">The error message when the port cannot be bound, given the socket's reason; it names the silo and the setting.</param>
    /// <param name="onAccepted">Takes over each accepted socket (handshake and all); not awaited by the loop.</param>
    /// <param name="logger">Told about failed accepts.</param>
    /// <param name="stopping">Ends the loop.</param>
    public static TcpAcceptor Start(string host, int port, string what, Func<string, string> cannotListen, Func<Socket, Task> onAccepted, ILogger logger, CancellationToken stopping)
    {
        var bindAddress = IPAddress.TryParse(host, out var address) ? address : IPAddress.IPv6Any;
        var listener = new Socket(bindAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (bindAddress.Equals(IPAddress.IPv6Any))
            listener.DualMode = true;
        try
        {
            listener.Bind(new IPEndPoint(bindAddress, port));
            listener.Listen(512);
        }
        catch (SocketException exception)
        {
            listener.Dispose();
            throw new InvalidOperationException(cannotListen(exception.Message), exception);
        }
        var acceptor = new TcpAcceptor(listener, onAccepted, logger, what, stopping);
        _ = acceptor.AcceptLoopAsync();
        return acceptor;
    }

    public void Dispose() => _listener.Dispose();

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                    return;
                LogAcceptFailed(_logger, _what, exception.Message);
                continue;
            }
            _ = _onAccepted(socket);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accepting a {What} connection failed: {Reason}")]
    private static partial void LogAcceptFailed(ILogger logger, string what, string reason);
}

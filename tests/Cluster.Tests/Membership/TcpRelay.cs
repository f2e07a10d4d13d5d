using System.Net;
using System.Net.Sockets;

namespace QuantumScheduler.Cluster.Tests.Membership;

/// <summary>Forwards every connection made to <see cref="Endpoint"/> to a target endpoint: lets a silo inside a
/// network namespace reach the test's PostgreSQL server, which listens on the host's loopback only.</summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    public TcpRelay(IPAddress listenOn, IPEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(listenOn, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndpoint;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_target, _stopping.Token);
                await using var fromClient = client.GetStream();
                await using var toServer = server.GetStream();
                // Either direction ending (or the relay stopping) ends the connection.
                await Task.WhenAny(fromClient.CopyToAsync(toServer, _stopping.Token), toServer.CopyToAsync(fromClient, _stopping.Token));
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
            }
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace QuantumScheduler.Cluster.Tests.Harness;

/// <summary>Loopback ports free right now. Another process may take one before the silo binds it; the silo then fails
/// to start naming the port, which is rare enough on a test machine to accept.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

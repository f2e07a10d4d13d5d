using System.Net;
using System.Net.Sockets;

namespace QuantumScheduler.Tests.Shared;

/// <summary>
/// Loopback ports for processes a test starts, free when handed out. They come from below the kernel's ephemeral range
/// (32768–60999 on Linux by default): a port the kernel hands out itself (port 0) can be taken as the source port of
/// any outgoing connection — a PostgreSQL client's, another silo's — between the test choosing it and the process
/// binding it, which made a multi-process test fail in CI with "Address already in use". No port is handed out twice
/// in one test process.
/// </summary>
internal static class FreePorts
{
    private const int First = 20_000;
    private const int Last = 32_000;

    private static readonly HashSet<int> HandedOut = [];
    private static int _next = First + Random.Shared.Next(Last - First);

    public static int Next()
    {
        lock (HandedOut)
        {
            for (var tried = 0; tried <= Last - First; tried++)
            {
                var port = _next;
                _next = _next >= Last ? First : _next + 1;
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

using System.Buffers.Binary;
using System.Net.Sockets;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>
/// One TCP socket to another silo after a successful handshake: a read loop that cuts the byte stream into frames
/// and hands them to the <see cref="IFrameHandler"/>, and a send method its <see cref="SiloConnection"/>'s writer
/// uses. Closing is idempotent and tells the owner once.
/// </summary>
internal sealed class ConnectionLink
{
    private const int InitialReceiveBufferSize = 64 * 1024;

    private readonly Socket _socket;
    private readonly SiloConnection _owner;
    private readonly IFrameHandler _handler;
    private readonly int _maxFrameSize;
    private readonly TaskCompletionSource _closedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closed;

    public ConnectionLink(Socket socket, SiloAddress remote, SiloConnection owner, IFrameHandler handler, int maxFrameSize)
    {
        _socket = socket;
        Remote = remote;
        _owner = owner;
        _handler = handler;
        _maxFrameSize = maxFrameSize;
    }

    /// <summary>The silo on the other end, as its handshake announced it.</summary>
    public SiloAddress Remote { get; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Sends the hello frame and reads the peer's; both sides send first, so neither waits for the other.</summary>
    public static async Task<SiloAddress> HandshakeAsync(Socket socket, SiloAddress local, CancellationToken cancellationToken)
    {
        var hello = ControlFrames.Hello(local);
        try
        {
            await SendAllAsync(socket, hello.Frame.ToArray(), cancellationToken);
        }
        finally
        {
            hello.Return();
        }
        var prefix = new byte[FrameBuffer.LengthPrefixSize];
        await ReceiveExactlyAsync(socket, prefix, cancellationToken);
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (length is < 1 or > 4096)
            throw new InvalidDataException($"The peer's handshake announced a frame of {length} bytes; it is not a QuantumScheduler silo.");
        var payload = new byte[length];
        await ReceiveExactlyAsync(socket, payload, cancellationToken);
        if ((FrameType)payload[0] != FrameType.Hello)
            throw new InvalidDataException($"The peer's first frame is {(FrameType)payload[0]}, not the handshake.");
        return ControlFrames.ReadHello(payload.AsSpan(1));
    }

    public void Start() => _ = ReadLoopAsync();

    public ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => SendAllAsync(_socket, data, cancellationToken);

    /// <summary>Closes the socket; the owner learns once, with <paramref name="reason"/>.</summary>
    public void Close(Exception? reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
            return;
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer.
        }
        catch (ObjectDisposedException)
        {
        }
        _socket.Dispose();
        _owner.OnLinkClosed(this, reason);
        _closedSignal.TrySetResult();
    }

    /// <summary>Ends this side's stream and waits, up to <paramref name="timeout"/>, for the peer to close its side, so
    /// that nothing unread is left in either direction (closing on unread data resets the connection, and the peer
    /// could lose responses still in flight to it).</summary>
    public async Task CloseGracefullyAsync(TimeSpan timeout)
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            await _closedSignal.Task.WaitAsync(timeout);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or TimeoutException)
        {
        }
        Close(null);
    }

    public override string ToString() => $"link to {Remote}";

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[InitialReceiveBufferSize];
        var filled = 0;
        Exception? reason = null;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None);
                if (received == 0)
                    break;
                filled += received;
                var consumed = DispatchFrames(buffer.AsSpan(0, filled), out var pendingFrameLength);
                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }
                if (pendingFrameLength > buffer.Length)
                    Array.Resize(ref buffer, pendingFrameLength);
            }
        }
        catch (Exception exception)
        {
            // A broken socket, or a frame this silo cannot read: either way the stream cannot be trusted past it.
            reason = exception;
        }
        Close(reason);
    }

    /// <summary>Hands every complete frame in <paramref name="data"/> to the handler; returns the bytes consumed and the
    /// size (prefix included) of the incomplete frame that follows, if any.</summary>
    private int DispatchFrames(ReadOnlySpan<byte> data, out int pendingFrameLength)
    {
        var offset = 0;
        pendingFrameLength = 0;
        while (data.Length - offset >= FrameBuffer.LengthPrefixSize)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(data[offset..]);
            if (length < 1 || length > _maxFrameSize)
                throw new InvalidDataException($"Silo {Remote} sent a frame of {length} bytes; the limit is {_maxFrameSize} (QuantumScheduler:Transport:MaxFrameSize).");
            var total = FrameBuffer.LengthPrefixSize + length;
            if (data.Length - offset < total)
            {
                pendingFrameLength = total;
                break;
            }
            var frame = data.Slice(offset + FrameBuffer.LengthPrefixSize, length);
            _handler.OnFrame(this, (FrameType)frame[0], frame[1..]);
            offset += total;
        }
        return offset;
    }

    private static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken);
            data = data[sent..];
        }
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (!destination.IsEmpty)
        {
            var received = await socket.ReceiveAsync(destination, SocketFlags.None, cancellationToken);
            if (received == 0)
                throw new IOException("The peer closed the connection during the handshake.");
            destination = destination[received..];
        }
    }
}

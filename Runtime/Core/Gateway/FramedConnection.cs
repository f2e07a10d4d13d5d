using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Threading.Channels;
using QuantumScheduler.Runtime.Networking;
using QuantumScheduler.Runtime.Serialization;

namespace QuantumScheduler.Runtime.Gateway;

/// <summary>
/// One client-to-gateway TCP connection after the handshake, seen from either end: a read loop that cuts the stream
/// into frames (the silo transport's framing: 4-byte length, type byte, payload) and hands each to a callback, and a
/// single writer that drains a queue of frames into the socket. Each queued frame may carry an action run just before
/// its bytes go out, which is how a caller learns that its request left this process. Closing is idempotent and
/// reported once.
/// </summary>
internal sealed class FramedConnection
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly int _maxFrameSize;
    private readonly Channel<QueuedFrame> _outgoing = Channel.CreateUnbounded<QueuedFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _writeLoop = Task.CompletedTask;
    private int _isClosed;

    public FramedConnection(Socket socket, int maxFrameSize)
    {
        _socket = socket;
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _maxFrameSize = maxFrameSize;
    }

    /// <summary>Completes, with the reason (null for an orderly close), once the connection is closed.</summary>
    public Task<Exception?> Closed => _closed.Task;

    public bool IsClosed => Volatile.Read(ref _isClosed) != 0;

    /// <summary>Runs the read and write loops; <paramref name="onFrame"/> runs on the read loop, so keep it short.</summary>
    public void Start(FrameHandler onFrame)
    {
        _ = ReadLoopAsync(onFrame);
        _writeLoop = WriteLoopAsync();
    }

    /// <summary>Queues <paramref name="frame"/>; the connection returns its buffer once written or dropped. False when
    /// the connection is closed (the frame is returned at once and <paramref name="beforeSend"/> never runs).</summary>
    public bool TrySend(FrameBuffer frame, Action? beforeSend = null)
    {
        if (!IsClosed && _outgoing.Writer.TryWrite(new QueuedFrame(frame, beforeSend)))
            return true;
        frame.Return();
        return false;
    }

    /// <summary>Closes the socket; frames still queued are dropped unsent.</summary>
    public void Close(Exception? reason)
    {
        if (Interlocked.Exchange(ref _isClosed, 1) != 0)
            return;
        _outgoing.Writer.TryComplete();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Already reset by the peer.
        }
        _socket.Dispose();
        while (_outgoing.Reader.TryRead(out var dropped))
            dropped.Frame.Return();
        _closed.TrySetResult(reason);
    }

    /// <summary>Closes once every frame queued so far is written (or <paramref name="cancellationToken"/> fires).</summary>
    public async Task CloseAfterQueuedAsync(CancellationToken cancellationToken)
    {
        _outgoing.Writer.TryComplete();
        try
        {
            await _writeLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        Close(null);
    }

    private async Task ReadLoopAsync(FrameHandler onFrame)
    {
        var prefix = new byte[FrameBuffer.LengthPrefixSize];
        Exception? reason = null;
        try
        {
            while (true)
            {
                if (!await TryReadExactlyAsync(prefix).ConfigureAwait(false))
                    break;
                var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
                if (length < 1 || length > _maxFrameSize)
                    throw new InvalidDataException($"The peer sent a frame of {length} bytes; the limit is {_maxFrameSize}.");
                var payload = ArrayPool<byte>.Shared.Rent(length);
                try
                {
                    if (!await TryReadExactlyAsync(payload.AsMemory(0, length)).ConfigureAwait(false))
                        throw new IOException("The peer closed the connection in the middle of a frame.");
                    onFrame((FrameType)payload[0], payload.AsSpan(1, length - 1));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(payload);
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or InvalidDataException or IOException or WireFormatException)
        {
            reason = exception;
        }
        Close(reason);
    }

    private async Task<bool> TryReadExactlyAsync(Memory<byte> destination)
    {
        var read = await _stream.ReadAtLeastAsync(destination, destination.Length, throwOnEndOfStream: false).ConfigureAwait(false);
        return read == destination.Length;
    }

    private async Task WriteLoopAsync()
    {
        Exception? reason = null;
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_outgoing.Reader.TryRead(out var queued))
                {
                    try
                    {
                        queued.BeforeSend?.Invoke();
                        // FrameBuffer exposes its bytes as a span only; one copy per frame is cheap next to the socket call.
                        await _stream.WriteAsync(queued.Frame.Frame.ToArray()).ConfigureAwait(false);
                    }
                    finally
                    {
                        queued.Frame.Return();
                    }
                }
            }
            return;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or IOException)
        {
            reason = exception;
        }
        Close(reason);
    }

    private readonly record struct QueuedFrame(FrameBuffer Frame, Action? BeforeSend);
}

/// <summary>Receives one frame: its type and payload (valid only during the call).</summary>
internal delegate void FrameHandler(FrameType type, ReadOnlySpan<byte> payload);

using System.Collections.Concurrent;
using System.Net.Sockets;
using QuantumScheduler.Runtime.Gateway;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Networking;

namespace QuantumScheduler.Runtime.Client.Messaging;

/// <summary>
/// The client's connection to one gateway: sends requests, matches responses and rejections to them by message id,
/// and when the connection closes tells each waiting call whether its request had left this process (it may have run:
/// <see cref="CallOutcomeKind.Lost"/>) or not (<see cref="CallOutcomeKind.NotSent"/>). When the gateway announces that
/// it is leaving, later requests are not sent (they go through another gateway) and the acknowledgement is queued
/// behind the ones already sent, which the gateway still answers.
/// </summary>
internal sealed class GatewayConnection
{
    private readonly FramedConnection _connection;
    private readonly MessageFrameCodec _codec;
    private readonly SiloAddress _client;
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly TaskCompletionSource<IReadOnlyList<GrainManifestEntry>> _manifest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _leaving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Orders sends against the leaving acknowledgement: a request is either queued before it, or not sent.
    private readonly Lock _sendLock = new();

    private GatewayConnection(FramedConnection connection, SiloEndpoint endpoint, SiloAddress gateway, SiloAddress client, MessageFrameCodec codec)
    {
        _connection = connection;
        Endpoint = endpoint;
        Gateway = gateway;
        _client = client;
        _codec = codec;
    }

    /// <summary>The endpoint dialled.</summary>
    public SiloEndpoint Endpoint { get; }

    /// <summary>The gateway silo, as its handshake announced it.</summary>
    public SiloAddress Gateway { get; }

    public bool IsClosed => _connection.IsClosed;

    /// <summary>True once the gateway announced that it is leaving: no request is sent through it any more.</summary>
    public bool IsLeaving => _leaving.Task.IsCompleted;

    /// <summary>Completes when the gateway announces that it is leaving.</summary>
    public Task Leaving => _leaving.Task;

    /// <summary>Completes with the reason once the connection is closed.</summary>
    public Task<Exception?> Closed => _connection.Closed;

    /// <summary>Connects, exchanges hellos and waits for the gateway's manifest, all within <paramref name="timeout"/>.</summary>
    public static async Task<(GatewayConnection Connection, IReadOnlyList<GrainManifestEntry> Manifest)> ConnectAsync(
        SiloEndpoint endpoint, SiloAddress client, MessageFrameCodec codec, int maxFrameSize, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint.Host, endpoint.Port, deadline.Token).ConfigureAwait(false);
            var gateway = await ConnectionLink.HandshakeAsync(socket, client, deadline.Token).ConfigureAwait(false);
            var connection = new GatewayConnection(new FramedConnection(socket, maxFrameSize), endpoint, gateway, client, codec);
            connection.Start();
            try
            {
                return (connection, await connection._manifest.Task.WaitAsync(deadline.Token).ConfigureAwait(false));
            }
            catch
            {
                connection.Close(null);
                throw;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"Gateway {endpoint} did not complete the connection within {timeout}.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="request"/> and waits for its outcome; the caller handles its deadline.</summary>
    public Task<CallOutcome> CallAsync(Message request)
    {
        var pending = new PendingCall();
        _pending[request.Id] = pending;
        FrameBuffer frame;
        try
        {
            frame = _codec.EncodeRequest(request, _client, Gateway);
        }
        catch
        {
            _pending.TryRemove(request.Id, out _);
            throw;
        }
        bool queued;
        lock (_sendLock)
            queued = !IsLeaving && _connection.TrySend(frame, pending.MarkSent);
        if (!queued)
        {
            if (IsLeaving)
                frame.Return();
            Complete(request.Id, new CallOutcome(CallOutcomeKind.NotSent, Reason: IsLeaving ? $"gateway {Gateway} is leaving" : "the connection is closed"));
        }
        else if (_connection.IsClosed)
            Complete(request.Id, pending.WasSent ? new CallOutcome(CallOutcomeKind.Lost, Reason: "the connection closed") : new CallOutcome(CallOutcomeKind.NotSent, Reason: "the connection is closed"));
        return pending.Task;
    }

    /// <summary>Sends a one-way request; false when the connection is closed or its gateway is leaving (it was not sent).</summary>
    public bool SendOneWay(Message request)
    {
        var frame = _codec.EncodeRequest(request, _client, Gateway);
        lock (_sendLock)
        {
            if (!IsLeaving)
                return _connection.TrySend(frame);
        }
        frame.Return();
        return false;
    }

    /// <summary>Stops waiting for <paramref name="messageId"/> (timed out or cancelled); a late response is dropped.</summary>
    public void Forget(long messageId) => _pending.TryRemove(messageId, out _);

    public void Close(Exception? reason) => _connection.Close(reason);

    public override string ToString() => $"gateway {Gateway} ({Endpoint})";

    private void Start()
    {
        _connection.Start(OnFrame);
        _ = FailPendingWhenClosedAsync();
    }

    private void OnFrame(FrameType type, ReadOnlySpan<byte> payload)
    {
        switch (type)
        {
            case FrameType.GatewayManifest:
                _manifest.TrySetResult(GatewayFrames.ReadManifest(payload));
                break;
            case FrameType.Message:
                var incoming = _codec.Decode(payload);
                if (incoming.Response is { } response)
                    Complete(incoming.Id, new CallOutcome(CallOutcomeKind.Completed, response));
                break;
            case FrameType.Leaving:
                lock (_sendLock)
                {
                    if (_leaving.TrySetResult())
                        _connection.TrySend(ControlFrames.LeavingAck(ControlFrames.ReadGeneration(payload)));
                }
                break;
            case FrameType.GatewayRejection:
                var (messageId, leaving, reason) = GatewayFrames.ReadRejection(payload);
                Complete(messageId, new CallOutcome(CallOutcomeKind.Rejected, Reason: reason, GatewayLeaving: leaving));
                break;
            default:
                _connection.Close(new InvalidDataException($"Gateway {Gateway} sent an unexpected {type} frame."));
                break;
        }
    }

    private void Complete(long messageId, CallOutcome outcome)
    {
        if (_pending.TryRemove(messageId, out var pending))
            pending.Complete(outcome);
    }

    private async Task FailPendingWhenClosedAsync()
    {
        var reason = await _connection.Closed.ConfigureAwait(false);
        var description = reason?.Message ?? "the gateway closed the connection";
        _manifest.TrySetException(new IOException($"Gateway {Gateway} closed the connection before sending its manifest ({description})."));
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
                pending.Complete(pending.WasSent
                    ? new CallOutcome(CallOutcomeKind.Lost, Reason: description)
                    : new CallOutcome(CallOutcomeKind.NotSent, Reason: description));
        }
    }

    /// <summary>One request waiting for its outcome. <see cref="WasSent"/> turns true just before its bytes are written to
    /// the socket: from then on a broken connection leaves its outcome unknown.</summary>
    private sealed class PendingCall
    {
        private readonly TaskCompletionSource<CallOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _sent;

        public Task<CallOutcome> Task => _outcome.Task;

        public bool WasSent => _sent;

        public void MarkSent() => _sent = true;

        public void Complete(CallOutcome outcome) => _outcome.TrySetResult(outcome);
    }
}

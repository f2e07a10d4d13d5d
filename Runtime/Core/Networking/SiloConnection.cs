using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>
/// Everything this silo sends to one remote endpoint: a send queue and the links (TCP sockets) to it. Normally one
/// link carries both directions; if both silos dial each other at the same moment each keeps reading both sockets and
/// writes to the newest. (The newest, because a peer that closed a link and dialled again writes and reads only the new
/// one, and this silo may not have read the old one's end yet.) A single writer drains the queue in batches. When the endpoint is unreachable, queued frames
/// fail at once (the call did not run, retry) and dialling waits an exponentially growing delay; frames queued during
/// that delay fail the same way, so nothing waits on a dead endpoint.
/// </summary>
internal sealed partial class SiloConnection
{
    private const int SendBatchSize = 64 * 1024;

    private readonly Channel<OutgoingFrame> _queue = Channel.CreateUnbounded<OutgoingFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<ConnectionLink> _links = [];
    private readonly SiloConnectionManager _manager;
    private readonly TransportOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly object _lock = new();
    private Task? _sendLoop;
    private int _queuedRequests;
    private SiloAddress? _remote;
    private int _leavingAnnounced;
    private volatile bool _leavingAcknowledged;
    // Written only by the send loop: the generation whose departure it acknowledged, after which its requests stay unsent.
    private long _requestsEndedFor;

    public SiloConnection(SiloEndpoint endpoint, SiloConnectionManager manager, TransportOptions options, ILogger logger, CancellationToken stopping)
    {
        Endpoint = endpoint;
        _manager = manager;
        _options = options;
        _logger = logger;
        _stopping = stopping;
    }

    public SiloEndpoint Endpoint { get; }

    /// <summary>The silo that last completed a handshake on this endpoint; null before the first.</summary>
    public SiloAddress? RemoteSilo => Volatile.Read(ref _remote);

    public bool IsConnected
    {
        get
        {
            lock (_lock)
                return _links.Count != 0;
        }
    }

    /// <summary>Queues a request unless <see cref="TransportOptions.SendQueueCapacity"/> requests already wait.</summary>
    public bool TryEnqueueRequest(OutgoingFrame frame)
    {
        if (Interlocked.Increment(ref _queuedRequests) > _options.SendQueueCapacity)
        {
            Interlocked.Decrement(ref _queuedRequests);
            return false;
        }
        Enqueue(frame);
        return true;
    }

    /// <summary>Queues a response or control frame (never refused while the transport runs).</summary>
    public void Enqueue(OutgoingFrame frame)
    {
        if (_stopping.IsCancellationRequested || !_queue.Writer.TryWrite(frame))
        {
            Dequeued(frame);
            frame.Fail(new SiloUnavailableException($"The transport of this silo has stopped; nothing more is sent to {Endpoint}."));
            return;
        }
        if (_sendLoop is null)
        {
            lock (_lock)
                _sendLoop ??= Task.Run(SendLoopAsync);
        }
    }

    /// <summary>Takes a link accepted from the endpoint's silo; it is read at once and written when it is the first.</summary>
    public void Adopt(ConnectionLink link)
    {
        lock (_lock)
            _links.Add(link);
        Volatile.Write(ref _remote, link.Remote);
        link.Start();
    }

    public void OnLinkClosed(ConnectionLink link, Exception? reason)
    {
        bool lastLink;
        lock (_lock)
            lastLink = _links.Remove(link) && _links.Count == 0;
        LogLinkClosed(_logger, link.Remote.ToString(), reason?.Message ?? "closed by the peer");
        if (lastLink)
            _manager.OnSiloDisconnected(link.Remote, reason);
    }

    /// <summary>True once the remote silo acknowledged this silo's departure: nothing it sent before is still unread.</summary>
    public bool IsLeavingAcknowledged => _leavingAcknowledged;

    /// <summary>Tells the remote silo that this one (of <paramref name="generation"/>) is leaving; once per connection.</summary>
    public void AnnounceLeaving(long generation)
    {
        if (Interlocked.Exchange(ref _leavingAnnounced, 1) == 0)
            Enqueue(new OutgoingFrame(ControlFrames.Leaving(generation), 0, isRequest: false, null));
    }

    public void OnLeavingAcknowledged() => _leavingAcknowledged = true;

    /// <summary>Acknowledges that <paramref name="leaving"/> is leaving, behind every request already queued for it; the
    /// send loop sends none queued after the acknowledgement.</summary>
    public void AcknowledgeLeaving(SiloAddress leaving) =>
        Enqueue(new OutgoingFrame(ControlFrames.LeavingAck(leaving.Generation), leaving.Generation, isRequest: false, null) { EndsRequests = true });

    /// <summary>Writes what is queued, refuses anything queued later, and closes the links once the remote silo has
    /// closed its side too (all within <paramref name="timeout"/>).</summary>
    public async Task DrainAndCloseAsync(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        _queue.Writer.TryComplete();
        if (Volatile.Read(ref _sendLoop) is { } sendLoop)
        {
            try
            {
                await sendLoop.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
            }
        }
        ConnectionLink[] links;
        lock (_lock)
            links = _links.ToArray();
        var left = TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
        await Task.WhenAll(links.Select(link => link.CloseGracefullyAsync(left)));
    }

    /// <summary>Closes every link and fails what is queued (the silo is dead, or the transport stops).</summary>
    public void Close(Exception reason)
    {
        ConnectionLink[] links;
        lock (_lock)
            links = _links.ToArray();
        foreach (var link in links)
            link.Close(reason);
        FailQueued(reason);
    }

    private ConnectionLink? CurrentLink
    {
        get
        {
            lock (_lock)
                return _links.Count == 0 ? null : _links[^1];
        }
    }

    private async Task SendLoopAsync()
    {
        var failures = 0;
        var retryAt = 0L;
        Exception? lastFailure = null;
        var batch = new byte[SendBatchSize];
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping))
            {
                var link = CurrentLink;
                if (link is null)
                {
                    if (Environment.TickCount64 < retryAt)
                    {
                        FailQueued(Unreachable(lastFailure!, retryAt));
                        continue;
                    }
                    try
                    {
                        link = await DialAsync();
                        failures = 0;
                    }
                    catch (Exception exception) when (!_stopping.IsCancellationRequested)
                    {
                        failures++;
                        lastFailure = exception;
                        retryAt = Environment.TickCount64 + (long)Backoff(failures).TotalMilliseconds;
                        LogDialFailed(_logger, Endpoint.ToString(), failures, exception.Message);
                        FailQueued(Unreachable(exception, retryAt));
                        continue;
                    }
                }
                try
                {
                    await WriteQueuedAsync(link, batch);
                }
                catch (Exception exception) when (!_stopping.IsCancellationRequested)
                {
                    link.Close(exception);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        FailQueued(new SiloUnavailableException($"The transport of this silo has stopped; nothing more is sent to {Endpoint}."));
    }

    private async Task<ConnectionLink> DialAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
            timeout.CancelAfter(_options.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(Endpoint.Host, Endpoint.Port, timeout.Token);
                var remote = await ConnectionLink.HandshakeAsync(socket, _manager.LocalAddress, timeout.Token);
                var link = _manager.CreateLink(socket, remote, this);
                Adopt(link);
                _manager.OnSiloConnected(remote);
                return link;
            }
            catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
            {
                throw new TimeoutException($"No connection and handshake with {Endpoint} within {_options.ConnectTimeout} (QuantumScheduler:Transport:ConnectTimeout).");
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Writes everything queued, many frames per socket send; frames for another generation are failed instead.</summary>
    private async Task WriteQueuedAsync(ConnectionLink link, byte[] batch)
    {
        var filled = 0;
        while (_queue.Reader.TryRead(out var frame))
        {
            Dequeued(frame);
            if (frame.EndsRequests)
                _requestsEndedFor = frame.TargetGeneration;
            else if (frame.IsRequest && frame.TargetGeneration == _requestsEndedFor)
            {
                frame.Fail(new SiloUnavailableException(
                    $"Silo {link.Remote} is leaving the cluster and takes no more requests; the call was not sent. Retry it (it will be placed anew)."));
                continue;
            }
            if (!frame.IsFor(link.Remote))
            {
                frame.Fail(new SiloUnavailableException(
                    $"The silo of generation {frame.TargetGeneration} at {Endpoint} is gone: the endpoint now runs {link.Remote}. The call did not run; retry it (it will be placed anew)."));
                continue;
            }
            var length = frame.Buffer.Length;
            if (filled + length > batch.Length && filled > 0)
            {
                await link.SendAsync(batch.AsMemory(0, filled), _stopping);
                filled = 0;
            }
            if (length > batch.Length)
            {
                try
                {
                    await link.SendAsync(frame.Buffer.FrameMemory, _stopping);
                }
                finally
                {
                    frame.Buffer.Return();
                }
                continue;
            }
            frame.Buffer.Frame.CopyTo(batch.AsSpan(filled));
            filled += length;
            frame.Buffer.Return();
        }
        if (filled > 0)
            await link.SendAsync(batch.AsMemory(0, filled), _stopping);
    }

    private void FailQueued(Exception reason)
    {
        while (_queue.Reader.TryRead(out var frame))
        {
            Dequeued(frame);
            frame.Fail(reason);
        }
    }

    private void Dequeued(OutgoingFrame frame)
    {
        if (frame.IsRequest)
            Interlocked.Decrement(ref _queuedRequests);
    }

    private SiloUnavailableException Unreachable(Exception cause, long retryAt) => new(
        $"Silo endpoint {Endpoint} is unreachable ({cause.Message}); the call was not sent. The next connection attempt is in {Math.Max(0, retryAt - Environment.TickCount64)} ms; retry it.", cause);

    /// <summary>Base delay doubled per consecutive failure, capped, with up to 20% jitter so silos do not dial in step.</summary>
    private TimeSpan Backoff(int failures)
    {
        var exponential = _options.ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30));
        var capped = Math.Min(exponential, _options.ReconnectMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 + Random.Shared.NextDouble() * 0.2));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection to silo {Silo} closed: {Reason}")]
    private static partial void LogLinkClosed(ILogger logger, string silo, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to silo endpoint {Endpoint} (attempt {Attempt}): {Reason}")]
    private static partial void LogDialFailed(ILogger logger, string endpoint, int attempt, string reason);
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Telemetry;

namespace QuantumScheduler.Runtime.Messaging;

/// <summary>
/// Requests waiting for their responses, by message id. A sweep fails those past their deadline with a
/// <see cref="TimeoutException"/> (the outcome of such a call is unknown: it may still run, and it is never
/// resent); a response arriving after that finds no callback and is dropped.
/// </summary>
internal sealed partial class ResponseCallbacks : IDisposable
{
    /// <summary>How often deadlines are checked: a call fails between its timeout and this much later.</summary>
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<long, ResponseCallback> _pending = new();
    private readonly RuntimeInstruments _instruments;
    private readonly ILogger _logger;
    private readonly Timer _sweeper;

    public ResponseCallbacks(RuntimeInstruments instruments, ILogger<ResponseCallbacks> logger)
    {
        _instruments = instruments;
        _logger = logger;
        _sweeper = new Timer(static s => ((ResponseCallbacks)s!).Sweep(), this, SweepPeriod, SweepPeriod);
    }

    public void Register(ResponseCallback callback) => _pending[callback.Request.Id] = callback;

    /// <summary>Delivers a response to its caller; false when the caller no longer waits (late response).</summary>
    public bool TryComplete(long messageId, Response response)
    {
        if (_pending.TryRemove(messageId, out var callback))
            return callback.TryComplete(response);
        LogLateResponse(_logger, messageId);
        return false;
    }

    /// <summary>Removes the caller waiting for <paramref name="messageId"/>, to complete it after looking at its request.</summary>
    public bool TryTake(long messageId, out ResponseCallback callback)
    {
        if (_pending.TryRemove(messageId, out callback!))
            return true;
        LogLateResponse(_logger, messageId);
        return false;
    }

    /// <summary>The request still waiting for <paramref name="messageId"/>, if any.</summary>
    public bool TryGetRequest(long messageId, out Message request)
    {
        var found = _pending.TryGetValue(messageId, out var callback);
        request = callback?.Request!;
        return found;
    }

    /// <summary>Fails every waiting call whose request matches (e.g. those sent to a silo that was lost).</summary>
    public void FailWhere(Func<Message, bool> predicate, Func<Message, Exception> exception)
    {
        foreach (var (id, callback) in _pending)
        {
            if (predicate(callback.Request))
                TryFail(id, exception(callback.Request));
        }
    }

    /// <summary>Completes a request without a response from the callee (cancelled, rejected).</summary>
    public bool TryFail(long messageId, Exception exception) =>
        _pending.TryRemove(messageId, out var callback) && callback.TryComplete(Response.FromException(exception));

    /// <summary>Fails every waiting call, e.g. when the silo is killed.</summary>
    public void FailAll(Func<Exception> exception)
    {
        foreach (var id in _pending.Keys)
            TryFail(id, exception());
    }

    private void Sweep()
    {
        var now = Environment.TickCount64;
        foreach (var (id, callback) in _pending)
        {
            var request = callback.Request;
            if (!request.IsExpired(now) || !_pending.TryRemove(id, out _))
                continue;
            request.IsAbandoned = true;
            _instruments.RecordTimeout(request);
            callback.TryComplete(Response.FromException(new TimeoutException(
                $"Response did not arrive on time in {callback.Timeout} for {request.InterfaceType.Name}.{request.MethodName} on {request.TargetGrain} (message #{id}).")));
        }
    }

    public void Dispose() => _sweeper.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped the response to message #{MessageId}: its caller no longer waits (timed out or cancelled).")]
    private static partial void LogLateResponse(ILogger logger, long messageId);
}

using System.Threading.Tasks.Sources;
using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Messaging;

/// <summary>
/// The caller's side of one request: completes exactly once, with the response, a timeout or a
/// cancellation. Continuations always run asynchronously so a caller never runs inside the callee's turn.
/// </summary>
internal sealed class ResponseCallback : IValueTaskSource<Response>
{
    private ManualResetValueTaskSourceCore<Response> _core = new() { RunContinuationsAsynchronously = true };
    private int _completed;
    private CancellationTokenRegistration _cancellation;

    public ResponseCallback(Message request, TimeSpan timeout)
    {
        Request = request;
        Timeout = timeout;
    }

    public Message Request { get; }

    public TimeSpan Timeout { get; }

    public ValueTask<Response> Task => new(this, _core.Version);

    public void RegisterCancellation(CancellationToken token, Action<object?> onCancelled, object? state) =>
        _cancellation = token.UnsafeRegister(onCancelled, state);

    /// <summary>Completes the call; false if it had already completed (a late response is dropped).</summary>
    public bool TryComplete(Response response)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
            return false;
        _cancellation.Dispose();
        _core.SetResult(response);
        return true;
    }

    Response IValueTaskSource<Response>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<Response>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<Response>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}

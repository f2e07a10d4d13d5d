using Microsoft.Extensions.Logging;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Messaging;

namespace QuantumScheduler.Runtime.Timers;

/// <summary>
/// A timer owned by one activation. Each tick is delivered to the activation as a local message, so it
/// runs as a turn under the grain's rules (unless it interleaves). The next tick is armed only when the
/// callback has finished, so ticks never overlap and the period runs from the end of the previous tick.
/// </summary>
internal sealed partial class GrainTimer : IGrainTimer
{
    private readonly object _lock = new();
    private readonly ActivationData _activation;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly GrainTimerCreationOptions _options;
    private readonly ILogger _logger;
    private readonly Timer _timer;
    private readonly CancellationTokenSource _stopped = new();
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private bool _inCallback;
    private bool _changedDuringCallback;

    public GrainTimer(ActivationData activation, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options, ILogger logger)
    {
        Validate(options.DueTime, options.Period);
        _activation = activation;
        _callback = callback;
        _state = state;
        _options = options;
        _logger = logger;
        _dueTime = options.DueTime;
        _period = options.Period;
        _timer = new Timer(static s => ((GrainTimer)s!).OnDue(), this, Timeout.Infinite, Timeout.Infinite);
    }

    public bool IsStopped => _stopped.IsCancellationRequested;

    public void Start()
    {
        lock (_lock)
            Arm(_dueTime);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        ObjectDisposedException.ThrowIf(IsStopped, this);
        lock (_lock)
        {
            _dueTime = dueTime;
            _period = period;
            if (_inCallback)
                _changedDuringCallback = true;
            else
                Arm(dueTime);
        }
    }

    public void Dispose()
    {
        Stop();
        _activation.OnTimerDisposed(this);
    }

    /// <summary>Stops ticking and cancels the token of a running callback (dispose or deactivation).</summary>
    public void Stop()
    {
        lock (_lock)
        {
            if (IsStopped)
                return;
            _stopped.Cancel();
            _timer.Dispose();
        }
    }

    private void OnDue()
    {
        if (IsStopped)
            return;
        var tick = new Message
        {
            Id = 0,
            Direction = MessageDirection.OneWay,
            TargetGrain = _activation.GrainId,
            InterfaceType = _activation.GrainClass.GrainClass,
            MethodName = "timer",
            Options = _options.Interleave ? InvokeMethodOptions.AlwaysInterleave : InvokeMethodOptions.None,
            Body = new TimerTickInvokable(this),
            IsLocalOnly = true,
            KeepsActivationAlive = _options.KeepAlive,
        };
        if (!_activation.Receive(tick))
            Stop();
    }

    /// <summary>Runs one tick inside the activation's turn, then arms the next one.</summary>
    internal async ValueTask<Response> TickAsync()
    {
        lock (_lock)
        {
            if (IsStopped)
                return Response.Completed;
            _inCallback = true;
            _changedDuringCallback = false;
        }
        try
        {
            await _callback(_state, _stopped.Token);
        }
        catch (Exception exception) when (!IsStopped)
        {
            LogTickFailed(_logger, exception, _activation.GrainId);
        }
        catch (OperationCanceledException)
        {
            // The timer was stopped while its callback ran.
        }
        finally
        {
            lock (_lock)
            {
                _inCallback = false;
                if (!IsStopped)
                    Arm(_changedDuringCallback ? _dueTime : _period);
            }
        }
        return Response.Completed;
    }

    private void Arm(TimeSpan due)
    {
        if (IsStopped)
            return;
        // One-shot arming: the next tick is armed when this one's callback ends, so ticks cannot overlap.
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's due time must be zero or more, or Timeout.InfiniteTimeSpan for a paused timer.");
        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(period), period, "A timer's period must be positive, or Timeout.InfiniteTimeSpan to tick once.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A timer callback of {GrainId} failed; the timer keeps its schedule.")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, GrainId grainId);
}

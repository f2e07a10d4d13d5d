using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuantumScheduler.Runtime.Filters;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Manifest;
using QuantumScheduler.Runtime.Messaging;
using QuantumScheduler.Runtime.Scheduling;
using QuantumScheduler.Runtime.Telemetry;
using QuantumScheduler.Runtime.Timers;

namespace QuantumScheduler.Runtime.Activation;

/// <summary>
/// One activation of a grain: its instance, its mailbox and its turn scheduler. Requests are admitted
/// one at a time (across awaits) unless the grain class is reentrant or the method may interleave; the
/// scheduler guarantees that even interleaved requests never run on two threads at once.
/// </summary>
internal sealed partial class ActivationData : IGrainContext, IGrainActivationControl
{
    private static readonly Action<object?> RunRequestAction = static state =>
    {
        var message = (Message)state!;
        _ = message.TargetActivation!.RunRequestAsync(message);
    };

    private readonly object _lock = new();
    private readonly Queue<Message> _waiting = new();
    private readonly ActivationDependencies _dependencies;
    private readonly Action<ActivationData> _onRemoved;
    private readonly ActivationTaskScheduler _scheduler = new();
    private AsyncServiceScope _scope;
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Message _lifecycleMessage;
    private List<IActivationLifecycleParticipant>? _participants;
    private List<GrainTimer>? _timers;
    private ActivationState _state = ActivationState.Activating;
    private int _running;
    // Running [AlwaysInterleave] requests (and interleaving timer ticks) do not hold the turn: as in Orleans, they never
    // keep another request waiting, so a long poll does not hold up the calls that would end it.
    private int _runningInterleaved;
    // Running read-only requests among those that hold the turn.
    private int _runningReadOnly;
    private long _lastActivity = Environment.TickCount64;
    private long _keepAliveUntil;
    private DeactivationReason? _pendingDeactivation;

    public ActivationData(GrainId grainId, GrainClassDescriptor grainClass, ActivationDependencies dependencies, Action<ActivationData> onRemoved)
    {
        GrainId = grainId;
        GrainClass = grainClass;
        _dependencies = dependencies;
        _onRemoved = onRemoved;
        Address = new GrainAddress(grainId, ActivationId, dependencies.SiloAddress);
        _lifecycleMessage = new Message
        {
            Id = 0,
            Direction = MessageDirection.OneWay,
            TargetGrain = grainId,
            InterfaceType = grainClass.GrainClass,
            MethodName = "lifecycle",
            Body = this,
            IsLocalOnly = true,
            TargetActivation = this,
        };
    }

    public GrainId GrainId { get; }

    public Guid ActivationId { get; } = Guid.NewGuid();

    public GrainClassDescriptor GrainClass { get; }

    public GrainAddress Address { get; }

    public object? GrainInstance { get; private set; }

    public IServiceProvider ActivationServices => _scope.ServiceProvider;

    /// <summary>Completes when the activation is gone (deactivated, or its activation failed).</summary>
    public Task Deactivated => _deactivated.Task;

    public int QueueLength
    {
        get
        {
            lock (_lock)
                return _waiting.Count;
        }
    }

    /// <summary>Whether it is serving and has neither running nor waiting requests.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_lock)
                return _state == ActivationState.Valid && _running == 0 && _waiting.Count == 0;
        }
    }

    public bool IsStatelessWorker => GrainClass.StatelessWorkerMaxLocal is not null;

    public void Subscribe(IActivationLifecycleParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        lock (_lock)
            (_participants ??= []).Add(participant);
    }

    /// <summary>
    /// Takes a message delivered to this activation: starts it now if the turn rules allow, queues it
    /// otherwise, or refuses it at once when it would close a call cycle. False when the activation is
    /// already gone, so the caller routes the message again.
    /// </summary>
    public bool Receive(Message message)
    {
        Exception? rejection = null;
        var start = false;
        lock (_lock)
        {
            switch (_state)
            {
                case ActivationState.Invalid:
                    return false;
                case ActivationState.Valid when CanStartNow(message):
                    BeginRequest(message);
                    start = true;
                    break;
                case ActivationState.Deactivating when message.IsLocalOnly:
                    return true;
                default:
                    if (!message.IsLocalOnly && message.CallChain.Contains(ActivationId))
                        rejection = new DeadlockException(DeadlockException.Describe(message.CallChain.GrainIds, GrainId));
                    else
                        _waiting.Enqueue(message);
                    message.TargetActivation = this;
                    break;
            }
        }

        if (rejection is not null)
            _dependencies.MessageCenter.Reject(message, rejection, "call-cycle");
        else if (start)
            StartRequest(message, allowInline: true);
        return true;
    }

    /// <summary>The caller gave up on <paramref name="message"/>: drop it if it still waits (true), else
    /// signal the running request's token (false: the caller gets the request's own outcome).</summary>
    public bool Cancel(Message message)
    {
        lock (_lock)
        {
            if (!message.IsStarted)
            {
                message.IsAbandoned = true;
                return true;
            }
        }
        try
        {
            message.CalleeCancellation?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The request finished while the caller was cancelling it.
        }
        return false;
    }

    /// <summary>Whether a new request may start now, bypassing the queue only where the turn rules allow.</summary>
    private bool CanStartNow(Message message)
    {
        if (_pendingDeactivation is not null)
            return false;
        if (RunningTurns == 0)
            return _waiting.Count == 0;
        return MayInterleave(message) || (message.Options.HasFlag(InvokeMethodOptions.ReadOnly) && RunningTurns == _runningReadOnly && _waiting.Count == 0);
    }

    /// <summary>Whether the request at the head of the queue may start now.</summary>
    private bool CanStartQueued(Message message) =>
        RunningTurns == 0 || MayInterleave(message) || (message.Options.HasFlag(InvokeMethodOptions.ReadOnly) && RunningTurns == _runningReadOnly);

    /// <summary>Running requests that hold the turn (all but the always-interleaving ones).</summary>
    private int RunningTurns => _running - _runningInterleaved;

    private bool MayInterleave(Message message) =>
        GrainClass.IsReentrant
        || message.Options.HasFlag(InvokeMethodOptions.AlwaysInterleave)
        || (message.AllowCallChainReentrancy && message.CallChain.Contains(ActivationId));

    private void BeginRequest(Message message)
    {
        _running++;
        if (message.Options.HasFlag(InvokeMethodOptions.AlwaysInterleave))
            _runningInterleaved++;
        else if (message.Options.HasFlag(InvokeMethodOptions.ReadOnly))
            _runningReadOnly++;
        if (message.KeepsActivationAlive)
            _lastActivity = Environment.TickCount64;
        message.TargetActivation = this;
        message.IsStarted = true;
    }

    private void StartRequest(Message message, bool allowInline) =>
        _scheduler.Start(new Task(RunRequestAction, message), allowInline);

    private async Task RunRequestAsync(Message message)
    {
        RuntimeCallContext.CurrentMessage = message;
        RequestContext.CurrentData = message.RequestContext;
        var started = Stopwatch.GetTimestamp();
        Activity? activity = null;
        Response response;
        try
        {
            var request = (IInvokable)message.Body;
            if (message.CalleeCancellation is { } cancellation)
                request.CancellationToken = cancellation.Token;
            if (!message.IsLocalOnly && RuntimeTelemetry.ActivitySource.HasListeners())
                activity = StartActivity(message);
            response = message.IsLocalOnly || (_dependencies.IncomingFilters.Length == 0 && GrainInstance is not IIncomingGrainCallFilter)
                ? await request.Invoke(GrainInstance!)
                : await IncomingCallContext.InvokeAsync(this, message, request, _dependencies.IncomingFilters);
        }
        catch (Exception exception)
        {
            response = Response.FromException(exception);
        }
        // A refusal means "did not run" and callers resend on it; one escaping from a grain that did run must not.
        if (response.Exception is SiloUnavailableException { IsRetryable: true } refusal && !message.IsLocalOnly)
            response = Response.FromException(new InvalidOperationException(
                $"{message.InterfaceType.Name}.{message.MethodName} on {GrainId} ran and failed: a call it made was refused ({refusal.Message})", refusal));

        if (activity is not null)
        {
            if (response.Exception is { } failure)
                activity.SetStatus(ActivityStatusCode.Error, failure.Message);
            activity.Dispose();
        }
        if (!message.IsLocalOnly)
            _dependencies.Instruments.RecordCall(message, response.Exception is null, started);
        // A caller in another silo gets the response serialised by the transport, which is the copy.
        if (message.Direction == MessageDirection.Request && message.SendingSilo is null)
            response = CopyResponse(message, response);
        message.CalleeCancellation?.Dispose();

        // The turn ends before the caller hears back, so a caller's next call finds the activation free.
        EndRequest(message);
        if (message.Direction == MessageDirection.Request)
            _dependencies.MessageCenter.SendResponse(message, response);
    }

    /// <summary>The response as the caller will see it: copied like the request, so caller and callee never
    /// share mutable objects. A result that cannot be copied fails the call rather than leaking the original.</summary>
    private Response CopyResponse(Message message, Response response)
    {
        try
        {
            return _dependencies.Serializer.DeepCopy(response);
        }
        catch (Exception exception)
        {
            var description = response.Exception is { } failure
                ? $"{failure.GetType().FullName}: {failure.Message}"
                : $"a result of type {response.Result?.GetType().FullName}";
            return Response.FromException(new InvalidOperationException(
                $"{message.InterfaceType.Name}.{message.MethodName} on {GrainId} produced {description}, which cannot be serialised back to the caller: {exception.Message}", exception));
        }
    }

    private static Activity? StartActivity(Message message)
    {
        var activity = RuntimeTelemetry.ActivitySource.StartActivity(
            $"{message.InterfaceType.Name}/{message.MethodName}", ActivityKind.Server, message.TraceContext);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "quantumscheduler");
            activity.SetTag("rpc.service", message.InterfaceType.FullName);
            activity.SetTag("rpc.method", message.MethodName);
            activity.SetTag(RuntimeTelemetry.GrainIdTag, message.TargetGrain.ToString());
        }
        return activity;
    }

    /// <summary>A request finished: admit what the turn rules now allow, or deactivate if that was asked for.</summary>
    private void EndRequest(Message message)
    {
        Message? first = null;
        List<Message>? more = null;
        var deactivate = false;
        lock (_lock)
        {
            _running--;
            if (message.Options.HasFlag(InvokeMethodOptions.AlwaysInterleave))
                _runningInterleaved--;
            else if (message.Options.HasFlag(InvokeMethodOptions.ReadOnly))
                _runningReadOnly--;
            if (message.KeepsActivationAlive)
                _lastActivity = Environment.TickCount64;

            if (_pendingDeactivation is not null)
            {
                deactivate = _running == 0 && _state == ActivationState.Valid;
                if (deactivate)
                    _state = ActivationState.Deactivating;
            }
            else
            {
                AdmitQueued(ref first, ref more);
            }
        }

        StartAdmitted(first, more);
        if (deactivate)
            StartLifecycleStep(static activation => activation.DeactivateAsync());
    }

    /// <summary>Moves queued requests that may now run from the queue to the running set (under the lock).</summary>
    private void AdmitQueued(ref Message? first, ref List<Message>? more)
    {
        var now = Environment.TickCount64;
        while (_waiting.TryPeek(out var next))
        {
            if (next.IsAbandoned || next.IsExpired(now))
            {
                _waiting.Dequeue();
                continue;
            }
            if (!CanStartQueued(next))
                break;
            _waiting.Dequeue();
            BeginRequest(next);
            if (first is null)
                first = next;
            else
                (more ??= []).Add(next);
        }
    }

    private void StartAdmitted(Message? first, List<Message>? more)
    {
        if (first is null)
            return;
        StartRequest(first, allowInline: false);
        if (more is null)
            return;
        foreach (var message in more)
            StartRequest(message, allowInline: false);
    }

    private void StartLifecycleStep(Func<ActivationData, Task> step, bool allowInline = false) =>
        _scheduler.Start(new Task<Task>(static state =>
        {
            var (activation, run) = ((ActivationData, Func<ActivationData, Task>))state!;
            RuntimeCallContext.CurrentMessage = activation._lifecycleMessage;
            RequestContext.CurrentData = null;
            return run(activation);
        }, (this, step)), allowInline);

    /// <summary>Begins activation: directory registration, construction, state load, <c>OnActivateAsync</c>.</summary>
    public void Activate()
    {
        _scope = _dependencies.Services.CreateAsyncScope();
        StartLifecycleStep(static activation => activation.ActivateAsync(), allowInline: true);
    }

    private async Task ActivateAsync()
    {
        var registered = false;
        try
        {
            if (!IsStatelessWorker)
            {
                var winner = await RegisterAsync();
                if (winner.ActivationId != ActivationId)
                {
                    await YieldToWinnerAsync(winner);
                    return;
                }
                registered = true;
            }

            using var timeout = new CancellationTokenSource(_dependencies.Collection.ActivationTimeout);
            using (RuntimeContext.Enter(this))
                GrainInstance = GrainClass.Create(this);

            // Participants subscribe while the grain is constructed (persistent state); state loads before OnActivateAsync.
            IActivationLifecycleParticipant[] participants;
            lock (_lock)
                participants = _participants?.ToArray() ?? [];
            foreach (var participant in participants)
                await participant.OnSetupStateAsync(timeout.Token).WaitAsync(_dependencies.Collection.ActivationTimeout);
            if (GrainInstance is IGrainBase grain)
                await grain.OnActivateAsync(timeout.Token).WaitAsync(_dependencies.Collection.ActivationTimeout);
        }
        catch (Exception exception)
        {
            await FailActivationAsync(exception, registered);
            return;
        }

        _dependencies.Instruments.ActivationAdded(GrainId.Type);
        Message? first = null;
        List<Message>? more = null;
        bool deactivate;
        lock (_lock)
        {
            _lastActivity = Environment.TickCount64;
            deactivate = _pendingDeactivation is not null;
            _state = deactivate ? ActivationState.Deactivating : ActivationState.Valid;
            if (!deactivate)
                AdmitQueued(ref first, ref more);
        }
        StartAdmitted(first, more);
        if (deactivate)
            await DeactivateAsync();
    }

    /// <summary>Registers in the grain directory (first writer wins) and returns the winner. An entry left by an earlier
    /// activation in this silo, or on a silo the membership view declares dead, is stale: it is removed and registration
    /// retried, so the grain is re-activated here.</summary>
    private async Task<GrainAddress> RegisterAsync()
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var winner = await _dependencies.Directory.RegisterAsync(Address);
            if (winner.ActivationId == ActivationId || attempt == attempts)
                return winner;
            // The catalog holds one activation per grain, and it is this one: a winner in this silo is a leftover.
            var stale = winner.Silo == Address.Silo || _dependencies.Membership.Current.IsDead(winner.Silo);
            if (!stale)
                return winner;
            await _dependencies.Directory.UnregisterAsync(winner);
        }
    }

    /// <summary>Another silo's activation won the registration: this one never constructs its grain, and the requests
    /// that queued for it go to the winner instead of failing.</summary>
    private async Task YieldToWinnerAsync(GrainAddress winner)
    {
        Message[] waiting;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            waiting = _waiting.ToArray();
            _waiting.Clear();
        }
        _onRemoved(this);
        await _scope.DisposeAsync();
        LogLostRegistration(_dependencies.Logger, GrainId, winner.ToString(), waiting.Length);
        foreach (var message in waiting)
        {
            if (!message.IsAbandoned)
                _dependencies.MessageCenter.Forward(message, winner);
        }
        _deactivated.TrySetResult();
    }

    /// <summary>The grain could not be activated: every request that waited for it fails with the cause, and
    /// nothing stays registered, so the next call tries a fresh activation.</summary>
    private async Task FailActivationAsync(Exception exception, bool registered)
    {
        LogActivationFailed(_dependencies.Logger, exception, GrainId);
        _dependencies.Instruments.ActivationFailed(GrainId.Type);
        Message[] waiting;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            waiting = _waiting.ToArray();
            _waiting.Clear();
        }
        _onRemoved(this);
        if (registered)
            await _dependencies.Directory.UnregisterAsync(Address);
        DisposeTimers();
        await _scope.DisposeAsync();
        foreach (var message in waiting)
            _dependencies.MessageCenter.Reject(message, exception, "activation-failed");
        _deactivated.TrySetResult();
    }

    /// <summary>Asks for deactivation after the running turns; no-op if already leaving.</summary>
    public void Deactivate(DeactivationReason reason)
    {
        var start = false;
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid || _pendingDeactivation is not null)
                return;
            _pendingDeactivation = reason;
            if (_state == ActivationState.Valid && _running == 0)
            {
                _state = ActivationState.Deactivating;
                start = true;
            }
        }

        // Timers stop at once (cancelling a running callback's token), not after the running turns.
        DisposeTimers();
        if (start)
            StartLifecycleStep(static activation => activation.DeactivateAsync());
    }

    /// <summary>Deactivates for idleness if, checked under the lock, the activation is still idle past its age.</summary>
    public bool TryCollectIfIdle(long now, TimeSpan age)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid || _running != 0 || _waiting.Count != 0 || _pendingDeactivation is not null)
                return false;
            if (now - _lastActivity < (long)age.TotalMilliseconds || now < Volatile.Read(ref _keepAliveUntil))
                return false;
        }
        Deactivate(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"idle for more than {age}"));
        return true;
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        long until;
        if (timeSpan == Timeout.InfiniteTimeSpan || timeSpan == TimeSpan.MaxValue)
            until = long.MaxValue;
        else if (timeSpan <= TimeSpan.Zero)
            until = 0;
        else
            until = Environment.TickCount64 + (long)timeSpan.TotalMilliseconds;
        Volatile.Write(ref _keepAliveUntil, until);
    }

    private async Task DeactivateAsync()
    {
        var reason = _pendingDeactivation ?? new DeactivationReason(DeactivationReasonCode.RuntimeRequested, "deactivated by the runtime");
        try
        {
            DisposeTimers();
            if (GrainInstance is IGrainBase grain)
            {
                using var timeout = new CancellationTokenSource(_dependencies.Collection.DeactivationTimeout);
                try
                {
                    await grain.OnDeactivateAsync(reason, timeout.Token).WaitAsync(_dependencies.Collection.DeactivationTimeout);
                }
                catch (Exception exception)
                {
                    LogDeactivationFailed(_dependencies.Logger, exception, GrainId, reason);
                }
            }
        }
        finally
        {
            await RemoveAsync(reason);
        }
    }

    /// <summary>Takes the activation out of the catalog and the directory, then re-routes the requests that
    /// arrived while it was leaving (a stopping silo refuses them); timer ticks die with it.</summary>
    private async Task RemoveAsync(DeactivationReason reason)
    {
        Message[] waiting;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            waiting = _waiting.ToArray();
            _waiting.Clear();
        }
        _onRemoved(this);
        _dependencies.Instruments.ActivationRemoved(GrainId.Type);
        try
        {
            if (!IsStatelessWorker)
                await _dependencies.Directory.UnregisterAsync(Address);
            await _scope.DisposeAsync();
            LogDeactivated(_dependencies.Logger, GrainId, reason);
        }
        catch (Exception exception)
        {
            LogDeactivationFailed(_dependencies.Logger, exception, GrainId, reason);
        }
        finally
        {
            foreach (var message in waiting)
            {
                if (!message.IsLocalOnly && !message.IsAbandoned)
                    _dependencies.MessageCenter.Reroute(message);
            }
            _deactivated.TrySetResult();
        }
    }

    /// <summary>Creates a timer owned by this activation.</summary>
    public GrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, state, options, _dependencies.Logger);
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
                throw new InvalidOperationException($"Cannot register a timer on {GrainId}: the activation is deactivating.");
            (_timers ??= []).Add(timer);
        }
        timer.Start();
        return timer;
    }

    public void OnTimerDisposed(GrainTimer timer)
    {
        lock (_lock)
            _timers?.Remove(timer);
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            timers = _timers?.ToArray() ?? [];
            _timers = null;
        }
        foreach (var timer in timers)
            timer.Stop();
    }

    public override string ToString() => $"{GrainId} activation {ActivationId:N}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activation of {GrainId} failed; the calls waiting for it fail with the same error and the next call retries.")]
    private static partial void LogActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Activation of {GrainId} lost the directory registration to {Winner}; {Count} queued requests are forwarded there.")]
    private static partial void LogLostRegistration(ILogger logger, GrainId grainId, string winner, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OnDeactivateAsync of {GrainId} failed ({Reason}); the activation is removed anyway.")]
    private static partial void LogDeactivationFailed(ILogger logger, Exception exception, GrainId grainId, DeactivationReason reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deactivated {GrainId} ({Reason}).")]
    private static partial void LogDeactivated(ILogger logger, GrainId grainId, DeactivationReason reason);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Networking;
using QuantumScheduler.Runtime.Telemetry;

namespace QuantumScheduler.Runtime.Messaging;

/// <summary>
/// Routes messages between callers and activations. An embedded silo (no silo port) delivers every request to its
/// <see cref="Catalog"/> and every response to the waiting callback, touching nothing else. A clustered silo hands
/// requests to the <see cref="MessageRouter"/> (local activation, directory cache, directory, placement) and sends
/// responses to requests from other silos back over the transport.
/// </summary>
internal sealed class MessageCenter(IServiceProvider services, ResponseCallbacks callbacks, LocalSilo silo, RuntimeInstruments instruments, IOptions<EndpointOptions> endpoint)
{
    private readonly bool _clustered = endpoint.Value.IsClustered;
    private Catalog? _catalog;
    private MessageRouter? _router;
    private SiloConnectionManager? _transport;
    private int _clusterResolved;
    private readonly CancellableRemoteRequests _cancellable = new();

    // Resolved on first use: the catalog's activations, the router and the transport depend on this message center.
    private Catalog Catalog => _catalog ??= services.GetRequiredService<Catalog>();

    /// <summary>The router of a clustered silo; null in an embedded one.</summary>
    private MessageRouter? Router
    {
        get
        {
            if (_clustered && Volatile.Read(ref _clusterResolved) == 0)
            {
                _transport = services.GetRequiredService<SiloConnectionManager>();
                _router = services.GetRequiredService<MessageRouter>();
                Volatile.Write(ref _clusterResolved, 1);
            }
            return _router;
        }
    }

    private SiloConnectionManager Transport => Router is null ? throw new InvalidOperationException("This silo has no transport.") : _transport!;

    /// <summary>Delivers a request made in this silo (or re-routes one), unless the silo has stopped taking calls.</summary>
    public void SendRequest(Message message)
    {
        if (!silo.IsAcceptingCalls && !MayCallOutWhileLeaving(message))
        {
            RejectUnavailable(message);
            return;
        }
        if (Router is { } router)
            router.Route(message);
        else
            Catalog.Deliver(message);
    }

    /// <summary>Delivers a request another silo sent here: the sender chose this silo, so it runs here (or is forwarded
    /// by the activation that loses the directory registration).</summary>
    public void ReceiveRequest(Message message)
    {
        if (!silo.IsAcceptingCalls)
        {
            RejectUnavailable(message);
            return;
        }
        Catalog.Deliver(message);
    }

    /// <summary>Called as a request from another silo is read, before it is delivered: from then on its caller can cancel
    /// it (<see cref="OnCancelled"/>), if it takes a cancellation token.</summary>
    public void TrackCancellation(Message message)
    {
        if (message.Direction != MessageDirection.Request || message.Body is not IInvokable { IsCancellable: true })
            return;
        message.CalleeCancellation = new CancellationTokenSource();
        _cancellable.Add(message);
    }

    /// <summary>The caller in <paramref name="sender"/> cancelled its request <paramref name="messageId"/>: dropped and
    /// answered as not run if it has not started here, else its callee's token is cancelled and it answers as it ends.</summary>
    public void OnCancelled(SiloAddress sender, long messageId)
    {
        if (!_cancellable.TryTake(sender, messageId, out var request))
            return; // answered already, passed on to another silo, or not arrived (then it runs uncancelled)
        if (request.TargetActivation?.Cancel(request) ?? MarkAbandoned(request))
            SendResponse(request, Response.FromException(new OperationCanceledException(
                $"{request.InterfaceType.Name}.{request.MethodName} on {request.TargetGrain} was cancelled before it started on silo {silo.Name}; it did not run.")));
    }

    /// <summary>Delivers again a request that reached an activation which left before running it.</summary>
    public void Reroute(Message message)
    {
        _cancellable.Remove(message);
        SendRequest(message);
    }

    /// <summary>Passes a request on to the silo whose activation won the directory registration.</summary>
    public void Forward(Message message, GrainAddress winner)
    {
        _cancellable.Remove(message);
        if (Router is { } router)
            router.Forward(message, winner);
        else
            Reject(message, new InvalidOperationException($"Grain {message.TargetGrain} is already active as {winner}, and this embedded silo cannot forward to another silo."), "duplicate-activation");
    }

    public void SendResponse(Message request, Response response)
    {
        if (request.SendingSilo is null)
        {
            callbacks.TryComplete(request.Id, response);
            return;
        }
        _cancellable.Remove(request);
        Transport.SendResponse(request, response);
    }

    /// <summary>A response from <paramref name="respondingSilo"/> to a request made here.</summary>
    public void ReceiveResponse(long messageId, SiloAddress respondingSilo, Response response)
    {
        if (!callbacks.TryTake(messageId, out var callback))
            return;
        Router?.OnResponse(callback.Request, respondingSilo, response);
        callback.Request.RespondingSilo = respondingSilo;
        callback.TryComplete(response);
    }

    /// <summary><paramref name="forwarder"/> passed request <paramref name="messageId"/> (made here) on to
    /// <paramref name="target"/>: the call now waits for that silo, and fails if it is lost or already declared dead.</summary>
    public void OnForwarded(long messageId, SiloAddress forwarder, SiloAddress target)
    {
        if (!callbacks.TryGetRequest(messageId, out var request) || request.TargetSilo != forwarder)
            return;
        request.TargetSilo = target;
        Router?.OnForwarded(request.TargetGrain, target);
        if (services.GetRequiredService<Membership.IClusterMembershipView>().Current.IsDead(target))
            callbacks.TryFail(messageId, new SiloUnavailableException(
                $"{request.InterfaceType.Name}.{request.MethodName} on {request.TargetGrain} was forwarded by silo {forwarder} to silo {target}, which is declared dead; the call may or may not have run.", mayHaveRun: true));
    }

    /// <summary>Answers a request that will not run with <paramref name="exception"/>.</summary>
    public void Reject(Message message, Exception exception, string reason)
    {
        instruments.RecordRejection(reason);
        // The silo it was sent to is gone or refuses calls: the next call looks the grain up again.
        if (exception is SiloUnavailableException && message.TargetSilo is { } target)
            Router?.ForgetLocation(message.TargetGrain, target);
        if (message.Direction != MessageDirection.Request)
            return;
        if (message.SendingSilo is null)
            callbacks.TryFail(message.Id, exception);
        else
            SendResponse(message, Response.FromException(exception));
    }

    /// <summary>The last connection to <paramref name="lost"/> closed (or it was declared dead): calls waiting for it fail
    /// now rather than at their timeout, since their responses can no longer arrive on that connection.</summary>
    public void OnSiloLost(SiloAddress lost, Exception? reason) =>
        callbacks.FailWhere(request => request.TargetSilo == lost, request => new SiloUnavailableException(
            $"The connection to silo {lost} was lost ({reason?.Message ?? "closed by the peer"}) while {request.InterfaceType.Name}.{request.MethodName} on {request.TargetGrain} waited for its response; the call may or may not have run.", mayHaveRun: true));

    /// <summary>Fails the calls waiting for silos that <paramref name="snapshot"/> declares dead.</summary>
    public void FailCallsTo(Membership.ClusterMembershipSnapshot snapshot) =>
        callbacks.FailWhere(request => request.TargetSilo is { } target && snapshot.IsDead(target), request => new SiloUnavailableException(
            $"Silo {request.TargetSilo} was declared dead while {request.InterfaceType.Name}.{request.MethodName} on {request.TargetGrain} waited for its response; the call may or may not have run.", mayHaveRun: true));

    /// <summary>The caller cancelled: a request that has not started is dropped and the caller gets
    /// <see cref="OperationCanceledException"/>; a running one has its token cancelled.</summary>
    public void Cancel(Message message)
    {
        // Sent to another silo: that silo drops it (and answers so) or cancels its callee's token; the call ends with
        // that silo's answer.
        if (message.TargetActivation is null && message.TargetSilo is { } target && Router is not null && target != Transport.LocalAddress)
        {
            Transport.SendCancel(target, message.Id);
            return;
        }
        var dropped = message.TargetActivation?.Cancel(message) ?? MarkAbandoned(message);
        if (dropped)
            callbacks.TryFail(message.Id, new OperationCanceledException(
                $"{message.InterfaceType.Name}.{message.MethodName} on {message.TargetGrain} was cancelled before it started; it did not run."));
    }

    /// <summary>A silo shutting down still lets its own grains call out (from <c>OnDeactivateAsync</c>, say) while it can
    /// reach other silos: placement puts new activations elsewhere and the router creates none here. Requests other silos
    /// sent here are refused instead; they resend them.</summary>
    private bool MayCallOutWhileLeaving(Message message) =>
        silo.Status == SiloStatus.ShuttingDown && Router is not null && message.SendingSilo is null;

    /// <summary>Refuses a request because this silo takes no new calls (it did not run; the caller may resend it).</summary>
    public void RejectUnavailable(Message message) =>
        Reject(message, new SiloUnavailableException(
            $"Silo {silo.Name} is {silo.Status} and takes no new calls; {message.InterfaceType.Name}.{message.MethodName} on {message.TargetGrain} did not run. Retry it."), "silo-unavailable");

    private static bool MarkAbandoned(Message message)
    {
        message.IsAbandoned = true;
        return true;
    }
}

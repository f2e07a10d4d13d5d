using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Configuration;
using QuantumScheduler.Runtime.GrainDirectory;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Manifest;
using QuantumScheduler.Runtime.Membership;
using QuantumScheduler.Runtime.Networking;
using QuantumScheduler.Runtime.Placement;

namespace QuantumScheduler.Runtime.Messaging;

/// <summary>
/// Finds the silo for a request in a clustered silo, cheapest first: an activation in this silo (or a stateless
/// worker, always local), the directory cache, the grain directory, and finally placement. A directory entry on a silo
/// the membership view declares dead is unregistered and the grain placed anew. Remote requests go to the transport.
/// </summary>
internal sealed partial class MessageRouter
{
    private readonly Catalog _catalog;
    private readonly GrainClassRegistry _grainClasses;
    private readonly DirectoryCache _cache;
    private readonly IGrainDirectory _directory;
    private readonly PlacementService _placement;
    private readonly SiloConnectionManager _transport;
    private readonly GrainReferences.GrainReferenceRuntime _references;
    private readonly MessageCenter _messageCenter;
    private readonly LocalSilo _localSilo;
    private readonly IClusterMembershipView _membership;
    private readonly DepartingSilos _departing;
    private readonly int _maxForwardCount;
    private readonly ILogger<MessageRouter> _logger;

    public MessageRouter(
        Catalog catalog,
        GrainClassRegistry grainClasses,
        DirectoryCache cache,
        IGrainDirectory directory,
        PlacementService placement,
        SiloConnectionManager transport,
        GrainReferences.GrainReferenceRuntime references,
        MessageCenter messageCenter,
        LocalSilo localSilo,
        IClusterMembershipView membership,
        DepartingSilos departing,
        IOptions<TransportOptions> options,
        ILogger<MessageRouter> logger)
    {
        _catalog = catalog;
        _grainClasses = grainClasses;
        _cache = cache;
        _directory = directory;
        _placement = placement;
        _transport = transport;
        _references = references;
        _messageCenter = messageCenter;
        _localSilo = localSilo;
        _membership = membership;
        _departing = departing;
        _maxForwardCount = options.Value.MaxForwardCount;
        _logger = logger;
        membership.Changed += OnMembershipChanged;
    }

    public void Route(Message message)
    {
        var grainId = message.TargetGrain;
        if (!_grainClasses.TryGet(grainId.Type, out var grainClass) || grainClass.StatelessWorkerMaxLocal is not null || _catalog.IsActiveHere(grainId))
        {
            // Unknown grain types are refused by the catalog with the usual error.
            DeliverHere(message);
            return;
        }
        if (_cache.TryGet(grainId, out var cached))
        {
            SendTo(message, cached);
            return;
        }

        ValueTask<GrainAddress?> lookup;
        try
        {
            lookup = _directory.LookupAsync(grainId);
        }
        catch (Exception exception)
        {
            RejectDirectoryFailure(message, exception);
            return;
        }
        if (lookup.IsCompletedSuccessfully)
            RouteTo(message, grainClass, lookup.Result);
        else
            _ = RouteAfterLookupAsync(message, grainClass, lookup);
    }

    /// <summary>Sends a request queued on an activation that lost the registration race to the winner's silo.</summary>
    public void Forward(Message message, GrainAddress winner)
    {
        if (message.ForwardCount >= _maxForwardCount)
        {
            _messageCenter.Reject(message, new InvalidOperationException(
                $"{message.InterfaceType.Name}.{message.MethodName} on {message.TargetGrain} was forwarded {message.ForwardCount} times without reaching the grain's activation " +
                $"(last seen as {winner}); the call did not run. Retry it, or raise {TransportOptions.SectionName}:MaxForwardCount."), "forward-limit");
            return;
        }
        message.ForwardCount++;
        message.TargetActivation = null;
        LogForwarding(_logger, message.TargetGrain, winner.Silo.ToString(), message.ForwardCount);
        // The sender waits for the response from whichever silo runs the request; it must know which, to fail the
        // call when that silo is lost rather than at the call's timeout.
        if (message.SendingSilo is { } sender && sender != _localSilo.Address)
            _transport.NotifyForwarded(sender, message.Id, winner.Silo);
        SendTo(message, winner.Silo);
    }

    /// <summary>Learns from a response where the grain lives: a response from another silo than the one the request was
    /// sent to means the request was forwarded, and a refusal from that silo means the entry is gone.</summary>
    public void OnResponse(Message request, SiloAddress respondingSilo, Response response)
    {
        var grainId = request.TargetGrain;
        if (response.Exception is SiloUnavailableException && request.TargetSilo is { } target)
        {
            _cache.Invalidate(grainId, target);
            return;
        }
        if (respondingSilo != request.TargetSilo && respondingSilo != _localSilo.Address)
            _cache.Set(grainId, respondingSilo);
    }

    /// <summary>A request made here was forwarded to <paramref name="silo"/>: later calls go there directly.</summary>
    public void OnForwarded(GrainId grainId, SiloAddress silo)
    {
        if (silo != _localSilo.Address)
            _cache.Set(grainId, silo);
    }

    /// <summary>Drops the cache entry of <paramref name="grainId"/> if it still names <paramref name="silo"/>.</summary>
    public void ForgetLocation(GrainId grainId, SiloAddress silo) => _cache.Invalidate(grainId, silo);

    private async Task RouteAfterLookupAsync(Message message, GrainClassDescriptor grainClass, ValueTask<GrainAddress?> lookup)
    {
        GrainAddress? address;
        try
        {
            address = await lookup;
        }
        catch (Exception exception)
        {
            RejectDirectoryFailure(message, exception);
            return;
        }
        RouteTo(message, grainClass, address);
    }

    private void RouteTo(Message message, GrainClassDescriptor grainClass, GrainAddress? address)
    {
        var grainId = message.TargetGrain;
        if (address is not null)
        {
            if (!_membership.Current.IsDead(address.Silo))
            {
                if (address.Silo != _localSilo.Address)
                    _cache.Set(grainId, address.Silo);
                SendTo(message, address.Silo);
                return;
            }
            _ = UnregisterDeadEntryAsync(address);
        }

        SiloAddress silo;
        try
        {
            silo = _placement.Place(grainId, grainClass);
        }
        catch (Exception exception)
        {
            _messageCenter.Reject(message, exception, "placement-failed");
            return;
        }
        // Later calls from this silo follow the first one; if another silo's activation wins the registration, the
        // activation placed here forwards to it and the response corrects this entry.
        if (silo != _localSilo.Address)
            _cache.Set(grainId, silo);
        SendTo(message, silo);
    }

    private void SendTo(Message message, SiloAddress silo)
    {
        if (silo != _localSilo.Address)
            _transport.SendRequest(message, silo);
        // A stopping silo creates no activation; the directory still pointed here for a moment.
        else if (!_localSilo.IsAcceptingCalls && !_catalog.IsActiveHere(message.TargetGrain))
            _messageCenter.RejectUnavailable(message);
        else
            DeliverHere(message);
    }

    private void DeliverHere(Message message)
    {
        if (message.IsCallerOwned)
        {
            try
            {
                _references.CopyForLocalDelivery(message);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _messageCenter.Reject(message, new InvalidOperationException(
                    $"The arguments of {message.InterfaceType.Name}.{message.MethodName} on {message.TargetGrain} cannot be copied: {exception.Message}", exception), "serialization");
                return;
            }
        }
        _catalog.Deliver(message);
    }

    private async Task UnregisterDeadEntryAsync(GrainAddress address)
    {
        try
        {
            await _directory.UnregisterAsync(address);
            LogUnregisteredDead(_logger, address.ToString());
        }
        catch (Exception exception)
        {
            // The activation placed next registers over it anyway once it wins; this is only tidying.
            LogUnregisterFailed(_logger, exception, address.ToString());
        }
    }

    private void RejectDirectoryFailure(Message message, Exception exception) =>
        _messageCenter.Reject(message, new SiloUnavailableException(
            $"The grain directory could not be read for {message.TargetGrain} ({exception.Message}); {message.InterfaceType.Name}.{message.MethodName} did not run. Retry it.", exception),
            "directory-unavailable");

    private void OnMembershipChanged(ClusterMembershipSnapshot snapshot)
    {
        _cache.RemoveDeadSilos(snapshot);
        _departing.Prune(snapshot);
        foreach (var silo in _transport.ConnectedSilos.ToArray())
        {
            if (snapshot.IsDead(silo))
                _transport.Disconnect(silo, "declared dead by the membership view");
        }
        _messageCenter.FailCallsTo(snapshot);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forwarding a request for {GrainId} to silo {Silo} (forward {ForwardCount}).")]
    private static partial void LogForwarding(ILogger logger, GrainId grainId, string silo, int forwardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unregistered {Address}: its silo is dead; the grain is placed anew.")]
    private static partial void LogUnregisteredDead(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not unregister {Address} on a dead silo.")]
    private static partial void LogUnregisterFailed(ILogger logger, Exception exception, string address);
}

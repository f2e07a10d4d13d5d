using Microsoft.Extensions.DependencyInjection;
using QuantumScheduler.Runtime.Activation;
using QuantumScheduler.Runtime.Hosting;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Telemetry;

namespace QuantumScheduler.Runtime.Messaging;

/// <summary>
/// Routes messages between callers and activations. Today every target is in this silo, so requests go
/// to the <see cref="Catalog"/> and responses to the waiting callbacks; the cluster transport plugs in here
/// (a request whose target lives elsewhere is serialised and sent, its response arrives by message id).
/// </summary>
internal sealed class MessageCenter(IServiceProvider services, ResponseCallbacks callbacks, LocalSilo silo, RuntimeInstruments instruments)
{
    private Catalog? _catalog;

    // Resolved on first use: the catalog's activations depend on this message center.
    private Catalog Catalog => _catalog ??= services.GetRequiredService<Catalog>();

    /// <summary>Delivers a request, unless the silo has stopped taking calls.</summary>
    public void SendRequest(Message message)
    {
        if (!silo.IsAcceptingCalls)
        {
            Reject(message, new SiloUnavailableException(
                $"Silo {silo.Name} is {silo.Status} and takes no new calls; {message.InterfaceType.Name}.{message.MethodName} on {message.TargetGrain} did not run. Retry it."), "silo-unavailable");
            return;
        }
        Catalog.Deliver(message);
    }

    /// <summary>Delivers again a request that reached an activation which left before running it.</summary>
    public void Reroute(Message message) => SendRequest(message);

    public void SendResponse(Message request, Response response) => callbacks.TryComplete(request.Id, response);

    /// <summary>Answers a request that will not run with <paramref name="exception"/>.</summary>
    public void Reject(Message message, Exception exception, string reason)
    {
        instruments.RecordRejection(reason);
        if (message.Direction == MessageDirection.Request)
            callbacks.TryFail(message.Id, exception);
    }

    /// <summary>The caller cancelled: a request that has not started is dropped and the caller gets
    /// <see cref="OperationCanceledException"/>; a running one has its token cancelled.</summary>
    public void Cancel(Message message)
    {
        var dropped = message.TargetActivation?.Cancel(message) ?? MarkAbandoned(message);
        if (dropped)
            callbacks.TryFail(message.Id, new OperationCanceledException(
                $"{message.InterfaceType.Name}.{message.MethodName} on {message.TargetGrain} was cancelled before it started; it did not run."));
    }

    private static bool MarkAbandoned(Message message)
    {
        message.IsAbandoned = true;
        return true;
    }
}

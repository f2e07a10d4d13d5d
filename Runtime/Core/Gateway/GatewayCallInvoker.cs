using QuantumScheduler.Runtime.GrainReferences;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Messaging;

namespace QuantumScheduler.Runtime.Gateway;

/// <summary>
/// Sends an external client's request into the cluster as a call made by this silo, so it takes the same route as
/// any call made here (local activation, directory, placement, another silo) and its response comes back to this
/// silo's callbacks, from where the gateway writes it to the client.
/// </summary>
internal sealed class GatewayCallInvoker(MessageCenter messageCenter, ResponseCallbacks callbacks, GrainReferenceRuntime runtime)
{
    /// <summary>Sends <paramref name="clientRequest"/> (already a copy: it was deserialised) and completes with its response.
    /// A one-way request completes at once.</summary>
    public ValueTask<Response> InvokeAsync(Message clientRequest)
    {
        var message = new Message
        {
            Id = runtime.NextMessageId(),
            Direction = clientRequest.Direction,
            TargetGrain = clientRequest.TargetGrain,
            InterfaceType = clientRequest.InterfaceType,
            MethodName = clientRequest.MethodName,
            Options = clientRequest.Options,
            ExpiresAt = clientRequest.ExpiresAt,
            TraceContext = clientRequest.TraceContext,
            RequestContext = clientRequest.RequestContext,
            Body = clientRequest.Body,
        };
        if (message.Direction == MessageDirection.OneWay)
        {
            messageCenter.SendRequest(message);
            return ValueTask.FromResult(Response.Completed);
        }
        var timeout = message.ExpiresAt == long.MaxValue
            ? Timeout.InfiniteTimeSpan
            : TimeSpan.FromMilliseconds(Math.Max(0, message.ExpiresAt - Environment.TickCount64));
        var callback = new ResponseCallback(message, timeout);
        callbacks.Register(callback);
        messageCenter.SendRequest(message);
        return callback.Task;
    }
}

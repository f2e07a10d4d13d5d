namespace QuantumScheduler.Runtime.Client;

/// <summary>
/// The connection to the gateway broke after the call was sent and before its response came back. The call may or
/// may not have run, so the client does not resend it; retry it only if the method is idempotent.
/// (A call that was never sent, or that the cluster refused without running it, is resent by the client on another
/// gateway and never surfaces as this exception.)
/// </summary>
public sealed class GatewayConnectionLostException : Exception
{
    public GatewayConnectionLostException(string message) : base(message) { }

    public GatewayConnectionLostException(string message, Exception innerException) : base(message, innerException) { }
}

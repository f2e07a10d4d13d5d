namespace QuantumScheduler.Runtime.Messaging;

public enum MessageDirection : byte
{
    /// <summary>A call whose caller waits for a response.</summary>
    Request,

    /// <summary>A call without a response (<c>[OneWay]</c>, timer ticks).</summary>
    OneWay,

    /// <summary>The outcome of a request.</summary>
    Response,
}

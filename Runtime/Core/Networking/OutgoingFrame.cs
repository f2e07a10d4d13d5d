using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>
/// A frame waiting in a connection's send queue. <see cref="TargetGeneration"/> pins it to one process: if the
/// endpoint turns out to run another generation the frame is not sent and its owner hears why through <see cref="Fail"/>.
/// </summary>
internal sealed class OutgoingFrame(FrameBuffer buffer, long targetGeneration, bool isRequest, Action<Exception>? onUnsent)
{
    public FrameBuffer Buffer { get; } = buffer;

    /// <summary>The generation the frame is for; 0 accepts whichever process answers on the endpoint.</summary>
    public long TargetGeneration { get; } = targetGeneration;

    /// <summary>Requests count against the bounded send queue; responses and control frames do not.</summary>
    public bool IsRequest { get; } = isRequest;

    /// <summary>True for the acknowledgement of a peer's departure: requests to that generation dequeued after it are not
    /// sent, since the peer stops reading for them once it has read this.</summary>
    public bool EndsRequests { get; init; }

    public bool IsFor(SiloAddress remote) => TargetGeneration == 0 || TargetGeneration == remote.Generation;

    /// <summary>The frame will not be sent: its buffer is returned and its owner hears why.</summary>
    public void Fail(Exception reason)
    {
        Buffer.Return();
        onUnsent?.Invoke(reason);
    }
}

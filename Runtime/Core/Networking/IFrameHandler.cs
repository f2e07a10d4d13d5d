namespace QuantumScheduler.Runtime.Networking;

/// <summary>Receives every frame read from a link after the handshake (on the link's read loop: keep it short).</summary>
internal interface IFrameHandler
{
    void OnFrame(ConnectionLink link, FrameType type, ReadOnlySpan<byte> payload);
}

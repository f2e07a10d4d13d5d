namespace QuantumScheduler.Runtime.Networking;

/// <summary>The first byte of every frame after its length: what the rest of the frame is.</summary>
internal enum FrameType : byte
{
    /// <summary>The handshake: protocol version and the sender's silo address. Exactly one, first, each way.</summary>
    Hello = 1,

    /// <summary>A request, one-way call or response: message header plus serialised body.</summary>
    Message = 2,

    /// <summary>A liveness probe: probe id and the generation the prober expects.</summary>
    Ping = 3,

    /// <summary>The answer to a ping: probe id and the answering silo's generation.</summary>
    Pong = 4,

    /// <summary>The sender's activation count, for resource-optimised placement.</summary>
    Statistics = 5,

    /// <summary>The sender is leaving the cluster (its generation): send it no more requests, and acknowledge. Silo to silo
    /// and gateway to client.</summary>
    Leaving = 6,

    /// <summary>The answer to <see cref="Leaving"/> (the leaving generation), written after every request sent before it:
    /// once it arrives, no request is on its way to the leaving process, so it may close without losing one.</summary>
    LeavingAck = 7,

    /// <summary>To the silo that sent a request: the message id and the silo it was forwarded to, which now owes the
    /// response (so the sender fails the call if that silo is lost, instead of waiting for its timeout).</summary>
    Forwarded = 8,

    /// <summary>To the silo a request was sent to: its caller cancelled it (message id). Dropped there, and answered as not
    /// run, if it has not started; otherwise its callee's token is cancelled and it answers as it ends.</summary>
    Cancel = 9,

    /// <summary>Gateway to external client, right after the handshake: the cluster's grain classes (see Gateway/GatewayFrames).</summary>
    GatewayManifest = 16,

    /// <summary>Gateway to external client: a request that did not run and may be sent again, and whether the gateway is leaving.</summary>
    GatewayRejection = 17,
}

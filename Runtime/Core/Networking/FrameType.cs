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

    /// <summary>Gateway to external client, right after the handshake: the cluster's grain classes (see Gateway/GatewayFrames).</summary>
    GatewayManifest = 16,

    /// <summary>Gateway to external client: a request that did not run and may be sent again, and whether the gateway is leaving.</summary>
    GatewayRejection = 17,
}

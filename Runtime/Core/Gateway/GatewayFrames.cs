using QuantumScheduler.Runtime.Networking;

namespace QuantumScheduler.Runtime.Gateway;

/// <summary>
/// The frames only the gateway protocol has, beside the transport's hello and message frames: the cluster's grain
/// manifest (sent by the gateway right after the handshake) and the refusal of a request that did not run.
/// </summary>
internal static class GatewayFrames
{
    public static FrameBuffer Manifest(IReadOnlyCollection<GrainManifestEntry> entries)
    {
        var frame = new FrameBuffer(FrameType.GatewayManifest, 1024);
        var writer = new WireWriter(frame);
        writer.Int32(entries.Count);
        foreach (var entry in entries)
        {
            writer.String(entry.GrainType);
            writer.String(entry.ClassFullName);
            writer.Int32(entry.InterfaceFullNames.Count);
            foreach (var name in entry.InterfaceFullNames)
                writer.String(name);
        }
        frame.Complete();
        return frame;
    }

    public static IReadOnlyList<GrainManifestEntry> ReadManifest(ReadOnlySpan<byte> payload)
    {
        var reader = new WireReader(payload);
        var count = reader.Int32();
        var entries = new List<GrainManifestEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var grainType = reader.RequiredString();
            var className = reader.RequiredString();
            var interfaces = new string[reader.Int32()];
            for (var j = 0; j < interfaces.Length; j++)
                interfaces[j] = reader.RequiredString();
            entries.Add(new GrainManifestEntry(grainType, className, interfaces));
        }
        return entries;
    }

    /// <summary>Request <paramref name="messageId"/> did not run and may be sent again; <paramref name="gatewayLeaving"/>
    /// tells the client to stop using this gateway.</summary>
    public static FrameBuffer Rejection(long messageId, bool gatewayLeaving, string reason)
    {
        var frame = new FrameBuffer(FrameType.GatewayRejection, 256);
        var writer = new WireWriter(frame);
        writer.Int64(messageId);
        writer.Byte(gatewayLeaving ? (byte)1 : (byte)0);
        writer.String(reason);
        frame.Complete();
        return frame;
    }

    public static (long MessageId, bool GatewayLeaving, string Reason) ReadRejection(ReadOnlySpan<byte> payload)
    {
        var reader = new WireReader(payload);
        return (reader.Int64(), reader.Byte() != 0, reader.RequiredString());
    }
}

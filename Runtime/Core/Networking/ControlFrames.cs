using System.Buffers.Binary;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>The small frames beside messages: the handshake, probes, statistics and the leaving handshake.</summary>
internal static class ControlFrames
{
    /// <summary>"QSCL": a peer that does not start with it is not a QuantumScheduler silo.</summary>
    public const int Magic = 0x4C435351;

    public const byte ProtocolVersion = 1;

    public static FrameBuffer Hello(SiloAddress local)
    {
        var frame = new FrameBuffer(FrameType.Hello);
        var writer = new WireWriter(frame);
        writer.Int32(Magic);
        writer.Byte(ProtocolVersion);
        writer.Silo(local);
        frame.Complete();
        return frame;
    }

    /// <summary>Reads a hello frame's payload (after the type byte); a wrong magic or version throws with what was found.</summary>
    public static SiloAddress ReadHello(ReadOnlySpan<byte> payload)
    {
        var reader = new WireReader(payload);
        var magic = reader.Int32();
        if (magic != Magic)
            throw new InvalidDataException($"The peer is not a QuantumScheduler silo (handshake magic 0x{magic:X8}).");
        var version = reader.Byte();
        if (version != ProtocolVersion)
            throw new InvalidDataException($"The peer speaks silo protocol version {version}; this silo speaks {ProtocolVersion}.");
        return reader.Silo();
    }

    /// <summary>A probe for the silo of generation <paramref name="expectedGeneration"/> (0: whichever answers).</summary>
    public static FrameBuffer Ping(long probeId, long expectedGeneration) => Pair(FrameType.Ping, probeId, expectedGeneration);

    public static FrameBuffer Pong(long probeId, long generation) => Pair(FrameType.Pong, probeId, generation);

    public static (long ProbeId, long Generation) ReadPair(ReadOnlySpan<byte> payload)
    {
        var reader = new WireReader(payload);
        return (reader.Int64(), reader.Int64());
    }

    public static FrameBuffer Statistics(int activationCount)
    {
        var frame = new FrameBuffer(FrameType.Statistics, 16);
        new WireWriter(frame).Int32(activationCount);
        frame.Complete();
        return frame;
    }

    public static int ReadStatistics(ReadOnlySpan<byte> payload) =>
        payload.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(payload) : throw new InvalidDataException("A statistics frame is shorter than 4 bytes.");

    /// <summary>Announces that the process of <paramref name="generation"/> is leaving.</summary>
    public static FrameBuffer Leaving(long generation) => Int64Frame(FrameType.Leaving, generation);

    /// <summary>Acknowledges the leaving of <paramref name="generation"/>.</summary>
    public static FrameBuffer LeavingAck(long generation) => Int64Frame(FrameType.LeavingAck, generation);

    public static long ReadGeneration(ReadOnlySpan<byte> payload) => ReadInt64(payload, "leaving");

    /// <summary>Request <paramref name="messageId"/> of the receiving silo was forwarded to <paramref name="target"/>.</summary>
    public static FrameBuffer Forwarded(long messageId, SiloAddress target)
    {
        var frame = new FrameBuffer(FrameType.Forwarded, 64);
        var writer = new WireWriter(frame);
        writer.Int64(messageId);
        writer.Silo(target);
        frame.Complete();
        return frame;
    }

    public static (long MessageId, SiloAddress Target) ReadForwarded(ReadOnlySpan<byte> payload)
    {
        var reader = new WireReader(payload);
        return (reader.Int64(), reader.Silo());
    }

    /// <summary>The sender's request <paramref name="messageId"/> is cancelled by its caller.</summary>
    public static FrameBuffer Cancel(long messageId) => Int64Frame(FrameType.Cancel, messageId);

    public static long ReadCancel(ReadOnlySpan<byte> payload) => ReadInt64(payload, "cancel");

    /// <summary>A frame whose payload is one 64-bit number.</summary>
    private static FrameBuffer Int64Frame(FrameType type, long value)
    {
        var frame = new FrameBuffer(type, 16);
        new WireWriter(frame).Int64(value);
        frame.Complete();
        return frame;
    }

    private static long ReadInt64(ReadOnlySpan<byte> payload, string frame) =>
        payload.Length >= 8 ? BinaryPrimitives.ReadInt64LittleEndian(payload) : throw new InvalidDataException($"A {frame} frame is shorter than 8 bytes.");

    private static FrameBuffer Pair(FrameType type, long first, long second)
    {
        var frame = new FrameBuffer(type, 32);
        var writer = new WireWriter(frame);
        writer.Int64(first);
        writer.Int64(second);
        frame.Complete();
        return frame;
    }
}

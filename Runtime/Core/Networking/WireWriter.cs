using System.Buffers.Binary;
using System.Text;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>Little-endian primitives of frame headers, written into a <see cref="FrameBuffer"/>.</summary>
internal readonly struct WireWriter(FrameBuffer buffer)
{
    public void Byte(byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    public void Int32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    public void Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    public void Guid(Guid value)
    {
        value.TryWriteBytes(buffer.GetSpan(16));
        buffer.Advance(16);
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(buffer.GetSpan(value.Length));
        buffer.Advance(value.Length);
    }

    /// <summary>Length (-1 for null) then UTF-8.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            Int32(-1);
            return;
        }
        var span = buffer.GetSpan(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        buffer.Advance(4 + length);
    }

    public void Silo(SiloAddress silo)
    {
        String(silo.Host);
        Int32(silo.Port);
        Int64(silo.Generation);
    }

    public void Grain(GrainId grain)
    {
        String(grain.Type);
        String(grain.Key);
    }

    /// <summary>Writes a 4-byte length placeholder and returns its position, for bodies serialised straight into the frame.</summary>
    public int BeginLength()
    {
        var position = buffer.Length;
        Int32(0);
        return position;
    }

    /// <summary>Fills in the placeholder written by <see cref="BeginLength"/> with the bytes written since.</summary>
    public void EndLength(int position) => buffer.PatchInt32(position, buffer.Length - position - 4);
}

using System.Buffers;
using System.Buffers.Binary;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>
/// One outgoing frame being written: a pooled array that starts with room for the 4-byte length prefix, which
/// <see cref="Complete"/> fills in. The connection's writer copies it to the socket and gives the array back.
/// </summary>
internal sealed class FrameBuffer : IBufferWriter<byte>
{
    public const int LengthPrefixSize = sizeof(int);

    private byte[] _buffer;
    private int _written;

    public FrameBuffer(FrameType type, int sizeHint = 256)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(sizeHint, 64));
        _written = LengthPrefixSize;
        _buffer[_written++] = (byte)type;
    }

    /// <summary>The whole frame, length prefix included.</summary>
    public ReadOnlySpan<byte> Frame => _buffer.AsSpan(0, _written);

    /// <summary>The whole frame as memory, for sends that await.</summary>
    public ReadOnlyMemory<byte> FrameMemory => _buffer.AsMemory(0, _written);

    public int Length => _written;

    /// <summary>Writes the length prefix; call once after the last byte.</summary>
    public void Complete() => PatchInt32(0, _written - LengthPrefixSize);

    /// <summary>Overwrites 4 bytes already written at <paramref name="position"/>.</summary>
    public void PatchInt32(int position, int value) => BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(position, 4), value);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Return()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length != 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
            return;
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}

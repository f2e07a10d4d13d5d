using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace QuantumScheduler.Runtime.Serialization;

/// <summary>
/// Writes one message into a pooled buffer. Codecs call it; it keeps the per-message state that makes
/// shared references and repeated type names cheap (object ordinals and a type-name table).
/// Instances are reused by <see cref="Serializer"/>; a writer is not thread-safe.
/// </summary>
public sealed class Writer
{
    private const int InitialCapacity = 256;

    private readonly Dictionary<object, uint> _objects = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, uint> _types = new();
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialCapacity);
    private int _position;
    private uint _groupCount;
    private int _depth;

    internal Writer()
    {
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _position);

    /// <summary>Writes <paramref name="value"/> as field <paramref name="fieldId"/> with the codec of <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteField<T>(uint fieldId, T value) => CodecCache<T>.Codec.WriteField(this, fieldId, value);

    public void WriteFieldHeader(uint fieldId, WireType wireType) => WriteVarUInt32((fieldId << 3) | (uint)wireType);

    /// <summary>Writes a null (reference 0).</summary>
    public void WriteNull(uint fieldId)
    {
        WriteFieldHeader(fieldId, WireType.Reference);
        WriteByte(0);
    }

    /// <summary>When <paramref name="value"/> was already written in this message, writes a back-reference and returns true.</summary>
    public bool TryWriteReference(uint fieldId, object value)
    {
        if (!_objects.TryGetValue(value, out var ordinal))
            return false;
        WriteFieldHeader(fieldId, WireType.Reference);
        WriteVarUInt32(ordinal);
        return true;
    }

    /// <summary>Opens a group. Pass the object for reference types so later fields can refer back to it.</summary>
    public void WriteStartObject(uint fieldId, object? trackedValue)
    {
        if (++_depth > Serializer.MaxDepth)
            throw new WireFormatException($"The value nests deeper than {Serializer.MaxDepth} levels (a long linked chain?): it cannot be serialised.");
        var ordinal = ++_groupCount;
        if (trackedValue is not null)
            _objects[trackedValue] = ordinal;
        WriteFieldHeader(fieldId, WireType.StartObject);
    }

    public void WriteEndObject()
    {
        _depth--;
        WriteFieldHeader(Field.EndObjectId, WireType.EndObject);
    }

    /// <summary>Closes the base-class section of a group; the derived class's own fields follow.</summary>
    public void WriteEndBase() => WriteFieldHeader(Field.EndBaseId, WireType.EndObject);

    /// <summary>Writes a value whose runtime type differs from the declared one: its type identity, then the value.</summary>
    public void WritePolymorphic(uint fieldId, object value)
    {
        var wireType = CodecRegistry.GetWireType(value);
        var codec = CodecRegistry.GetCodec(wireType);
        WriteFieldHeader(fieldId, WireType.TypedValue);
        WriteTypeIdentity(wireType);
        codec.WriteFieldUntyped(this, 0, value);
    }

    internal void WriteTypeIdentity(Type type)
    {
        if (_types.TryGetValue(type, out var index))
        {
            WriteVarUInt32(index);
            return;
        }
        WriteByte(0);
        WriteString(CodecRegistry.GetTypeName(type));
        _types[type] = (uint)_types.Count + 1;
    }

    public void WriteByte(byte value)
    {
        EnsureCapacity(1);
        _buffer[_position++] = value;
    }

    public void WriteVarUInt32(uint value)
    {
        EnsureCapacity(5);
        var buffer = _buffer;
        var position = _position;
        while (value >= 0x80)
        {
            buffer[position++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[position++] = (byte)value;
        _position = position;
    }

    public void WriteVarUInt64(ulong value)
    {
        EnsureCapacity(10);
        var buffer = _buffer;
        var position = _position;
        while (value >= 0x80)
        {
            buffer[position++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[position++] = (byte)value;
        _position = position;
    }

    /// <summary>Zig-zag encoded, so small negative numbers stay short.</summary>
    public void WriteVarInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    public void WriteFixed32(uint value)
    {
        EnsureCapacity(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_position), value);
        _position += 4;
    }

    public void WriteFixed64(ulong value)
    {
        EnsureCapacity(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_position), value);
        _position += 8;
    }

    /// <summary>A varint length followed by the bytes.</summary>
    public void WriteLengthPrefixed(ReadOnlySpan<byte> value)
    {
        WriteVarUInt32((uint)value.Length);
        EnsureCapacity(value.Length);
        value.CopyTo(_buffer.AsSpan(_position));
        _position += value.Length;
    }

    /// <summary>Reserves <paramref name="length"/> bytes, preceded by their length, for the caller to fill.</summary>
    public Span<byte> WriteLengthPrefixed(int length)
    {
        WriteVarUInt32((uint)length);
        EnsureCapacity(length);
        var span = _buffer.AsSpan(_position, length);
        _position += length;
        return span;
    }

    /// <summary>A length-prefixed UTF-8 string.</summary>
    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Encoding.UTF8.GetBytes(value, WriteLengthPrefixed(length));
    }

    internal void Reset()
    {
        _position = 0;
        _groupCount = 0;
        _depth = 0;
        _objects.Clear();
        _types.Clear();
        if (_buffer.Length > Serializer.MaxRetainedBufferSize)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(InitialCapacity);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureCapacity(int count)
    {
        if (_buffer.Length - _position < count)
            Grow(count);
    }

    private void Grow(int count)
    {
        var required = checked(_position + count);
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(required, _buffer.Length * 2));
        _buffer.AsSpan(0, _position).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}

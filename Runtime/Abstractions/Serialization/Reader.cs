using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using QuantumScheduler.Runtime.Invocation;
using QuantumScheduler.Runtime.Serialization.Codecs;

namespace QuantumScheduler.Runtime.Serialization;

/// <summary>
/// Reads one message. Codecs call it; unknown fields are skipped with <see cref="SkipField"/>, which
/// still counts their groups and type names so that later back-references stay aligned.
/// </summary>
public ref struct Reader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly ReaderSession _session;
    private int _position;

    internal Reader(ReadOnlySpan<byte> buffer, ReaderSession session)
    {
        _buffer = buffer;
        _session = session;
        _position = 0;
    }

    /// <summary>Whether every byte has been consumed.</summary>
    public readonly bool IsAtEnd => _position >= _buffer.Length;

    /// <summary>The runtime that turns grain references into proxies, or null when none was given to the serializer.</summary>
    public readonly IGrainReferenceRuntime? References => _session.References;

    public Field ReadFieldHeader()
    {
        var tag = ReadVarUInt32();
        var wireType = (WireType)(tag & 7);
        switch (wireType)
        {
            case WireType.StartObject:
                return new Field(tag >> 3, wireType, _session.EnterGroup());
            case WireType.EndObject when tag >> 3 == Field.EndObjectId:
                _session.ExitGroup();
                break;
        }
        return new Field(tag >> 3, wireType);
    }

    /// <summary>Reads the next member header of the current group; false at the group's end.
    /// Base-class end markers are passed over: only generated class codecs give them meaning.</summary>
    public bool ReadNextField(out Field field)
    {
        do
        {
            field = ReadFieldHeader();
            if (field.IsEndObject)
                return false;
        }
        while (field.IsEndMarker);
        return true;
    }

    /// <summary>Reads the value of <paramref name="field"/> with the codec of <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T ReadValue<T>(Field field) => CodecCache<T>.Codec.ReadValue(ref this, field);

    /// <summary>Makes a just-created object available to back-references (call before reading its fields).</summary>
    public readonly void RecordObject(Field field, object value) => _session.RecordObject(field.ReferenceId, value);

    /// <summary>Reads the payload of a <see cref="WireType.Reference"/> field: null or an object read earlier.</summary>
    public T ReadReference<T>()
    {
        var referenceId = ReadVarUInt32();
        if (referenceId == 0)
            return default!;
        var value = _session.GetObject(referenceId);
        if (value is T typed)
            return typed;
        throw new WireFormatException($"Reference {referenceId} is a {WireFormatException.TypeDisplay(value.GetType())}, not a {WireFormatException.TypeDisplay(typeof(T))}.");
    }

    /// <summary>Reads the payload of a <see cref="WireType.TypedValue"/> field: the type identity, then the value with that type's codec.</summary>
    public T ReadPolymorphic<T>()
    {
        var type = ReadTypeIdentity();
        if (!typeof(T).IsAssignableFrom(type))
            throw new WireFormatException($"The data holds a {WireFormatException.TypeDisplay(type)} where a {WireFormatException.TypeDisplay(typeof(T))} is expected.");
        var codec = CodecRegistry.GetCodec(type);
        // Writers record concrete types only; a recorded interface or abstract type would recurse without end.
        if (codec is IPolymorphicCodec)
            throw new WireFormatException($"The data records {WireFormatException.TypeDisplay(type)}, which is not a concrete type.");
        var value = codec.ReadValueUntyped(ref this, ReadFieldHeader());
        return (T)value!;
    }

    /// <summary>Skips a field this reader does not know, including everything nested in it.</summary>
    public void SkipField(Field field)
    {
        switch (field.WireType)
        {
            case WireType.VarInt:
                ReadVarUInt64();
                break;
            case WireType.Fixed32:
                Advance(4);
                break;
            case WireType.Fixed64:
                Advance(8);
                break;
            case WireType.LengthPrefixed:
                ReadLengthPrefixed();
                break;
            case WireType.StartObject:
                while (true)
                {
                    var nested = ReadFieldHeader();
                    if (nested.IsEndObject)
                        break;
                    if (!nested.IsEndMarker)
                        SkipField(nested);
                }
                break;
            case WireType.Reference:
                ReadVarUInt32();
                break;
            case WireType.TypedValue:
                SkipTypeIdentity();
                _session.EnterNesting();
                SkipField(ReadFieldHeader());
                _session.ExitNesting();
                break;
            default:
                throw new WireFormatException($"Unexpected {field}: an end marker where a value was expected.");
        }
    }

    /// <summary>Skips fields up to and including the end of the current group or base-class section.</summary>
    /// <returns>True when the whole group ended, false when only its base-class section did.</returns>
    public bool SkipToEnd()
    {
        while (true)
        {
            var field = ReadFieldHeader();
            if (field.IsEndMarker)
                return field.IsEndObject;
            SkipField(field);
        }
    }

    public byte ReadByte()
    {
        if (_position >= _buffer.Length)
            throw WireFormatException.EndOfData();
        return _buffer[_position++];
    }

    public uint ReadVarUInt32()
    {
        var value = ReadVarUInt64();
        if (value > uint.MaxValue)
            throw new WireFormatException($"Varint {value} exceeds 32 bits.");
        return (uint)value;
    }

    public ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return result;
        }
        throw new WireFormatException("Malformed varint: more than 10 bytes.");
    }

    public long ReadVarInt64()
    {
        var raw = ReadVarUInt64();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    /// <summary>The bytes of a length-prefixed payload (a view into the source, valid until the read ends).</summary>
    public ReadOnlySpan<byte> ReadLengthPrefixed()
    {
        var length = ReadVarUInt32();
        return length <= (uint)Remaining ? ReadBytes((int)length) : throw WireFormatException.EndOfData();
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadLengthPrefixed());

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > _buffer.Length - _position)
            throw WireFormatException.EndOfData();
        var span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }

    /// <summary>How many bytes are left: an upper bound for element counts read from the data.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    internal Type ReadTypeIdentity()
    {
        var index = ReadVarUInt32();
        if (index == 0)
        {
            _session.AddTypeName(ReadString());
            index = (uint)_session.TypeNameCount;
        }
        return _session.ResolveType(index);
    }

    private void SkipTypeIdentity()
    {
        if (ReadVarUInt32() == 0)
            _session.AddTypeName(ReadString());
    }

    private void Advance(int count) => ReadBytes(count);
}

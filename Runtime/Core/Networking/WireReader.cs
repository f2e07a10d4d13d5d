using System.Buffers.Binary;
using System.Text;
using QuantumScheduler.Runtime.GrainDirectory;

namespace QuantumScheduler.Runtime.Networking;

/// <summary>Reads what <see cref="WireWriter"/> wrote; a truncated or malformed frame throws <see cref="InvalidDataException"/>.</summary>
internal ref struct WireReader(ReadOnlySpan<byte> source)
{
    private readonly ReadOnlySpan<byte> _source = source;
    private int _position;

    public byte Byte() => Take(1)[0];

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public Guid Guid() => new(Take(16));

    public ReadOnlySpan<byte> Bytes(int length) => Take(length);

    public string? String()
    {
        var length = Int32();
        if (length == -1)
            return null;
        if (length < 0)
            throw new InvalidDataException($"A frame has a string of negative length {length}.");
        return Encoding.UTF8.GetString(Take(length));
    }

    public string RequiredString() => String() ?? throw new InvalidDataException("A frame has a null where a string is required.");

    public SiloAddress Silo() => new(RequiredString(), Int32(), Int64());

    public GrainId Grain() => new(RequiredString(), RequiredString());

    /// <summary>A block written between <see cref="WireWriter.BeginLength"/> and <see cref="WireWriter.EndLength"/>.</summary>
    public ReadOnlySpan<byte> LengthPrefixed()
    {
        var length = Int32();
        if (length < 0)
            throw new InvalidDataException($"A frame has a block of negative length {length}.");
        return Take(length);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_position + count > _source.Length)
            throw new InvalidDataException($"A frame ended after {_source.Length} bytes while {count} more were expected at offset {_position}.");
        var span = _source.Slice(_position, count);
        _position += count;
        return span;
    }
}

using System.Buffers;
using QuantumScheduler.Runtime.Invocation;

namespace QuantumScheduler.Runtime.Serialization;

/// <summary>
/// The runtime's serializer: the wire format of docs/runtime-serialization.md, with codecs from
/// <see cref="CodecRegistry"/>. Buffers and per-message state are pooled per thread; instances are
/// thread-safe and cheap, and differ only in the runtime that turns grain references into proxies.
/// </summary>
public sealed class Serializer : ISerializer
{
    /// <summary>A pooled buffer that grew beyond this is given back rather than kept for the next message.</summary>
    internal const int MaxRetainedBufferSize = 1 << 20;

    /// <summary>Nesting deeper than this is refused on both sides, so hostile or runaway data fails with an
    /// error instead of overflowing the stack.</summary>
    public const int MaxDepth = 1000;

    [ThreadStatic]
    private static Writer? cachedWriter;

    [ThreadStatic]
    private static ReaderSession? cachedSession;

    private readonly IGrainReferenceRuntime? _references;

    /// <param name="references">Creates proxies for deserialised grain references; without it, reading a grain reference fails.</param>
    public Serializer(IGrainReferenceRuntime? references = null) => _references = references;

    public void Serialize<T>(T value, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var writer = RentWriter();
        try
        {
            writer.WriteField(0, value);
            destination.Write(writer.WrittenSpan);
        }
        finally
        {
            Return(writer);
        }
    }

    /// <summary>Serialises <paramref name="value"/> into a new array.</summary>
    public byte[] SerializeToArray<T>(T value)
    {
        var writer = RentWriter();
        try
        {
            writer.WriteField(0, value);
            return writer.WrittenSpan.ToArray();
        }
        finally
        {
            Return(writer);
        }
    }

    public T Deserialize<T>(ReadOnlySpan<byte> source)
    {
        var session = RentSession();
        try
        {
            return ReadMessage<T>(source, session);
        }
        finally
        {
            Return(session);
        }
    }

    public T DeepCopy<T>(T value)
    {
        if (value is null)
            return value;
        if (typeof(T).IsValueType)
        {
            var codec = CodecCache<T>.Codec;
            return codec.IsImmutable ? value : Copy(value, codec);
        }
        // The runtime type's codec: no type identity is written, and the copy has the original's type.
        var runtimeCodec = CodecRegistry.GetCodec(CodecRegistry.GetWireType(value));
        return runtimeCodec.IsImmutable ? value : (T)CopyUntyped(value, runtimeCodec)!;
    }

    private T Copy<T>(T value, IFieldCodec<T> codec)
    {
        var writer = RentWriter();
        var session = RentSession();
        try
        {
            codec.WriteField(writer, 0, value);
            var reader = new Reader(writer.WrittenSpan, session);
            return codec.ReadValue(ref reader, reader.ReadFieldHeader());
        }
        finally
        {
            Return(session);
            Return(writer);
        }
    }

    private object? CopyUntyped(object value, IFieldCodec codec)
    {
        var writer = RentWriter();
        var session = RentSession();
        try
        {
            codec.WriteFieldUntyped(writer, 0, value);
            var reader = new Reader(writer.WrittenSpan, session);
            return codec.ReadValueUntyped(ref reader, reader.ReadFieldHeader());
        }
        finally
        {
            Return(session);
            Return(writer);
        }
    }

    private static T ReadMessage<T>(ReadOnlySpan<byte> source, ReaderSession session)
    {
        var reader = new Reader(source, session);
        var value = reader.ReadValue<T>(reader.ReadFieldHeader());
        if (!reader.IsAtEnd)
            throw new WireFormatException($"{reader.Remaining} bytes left after the {WireFormatException.TypeDisplay(typeof(T))} value: the data is corrupt or holds another type.");
        return value;
    }

    private static Writer RentWriter()
    {
        var writer = cachedWriter ?? new Writer();
        cachedWriter = null;
        return writer;
    }

    private static void Return(Writer writer)
    {
        writer.Reset();
        cachedWriter = writer;
    }

    private ReaderSession RentSession()
    {
        var session = cachedSession ?? new ReaderSession();
        cachedSession = null;
        session.References = _references;
        return session;
    }

    private static void Return(ReaderSession session)
    {
        session.Reset();
        cachedSession = session;
    }
}

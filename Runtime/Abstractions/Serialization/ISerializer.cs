using System.Buffers;

namespace QuantumScheduler.Runtime.Serialization;

/// <summary>
/// Version-tolerant binary serialisation of contract types, invokable requests, responses and exceptions.
/// The runtime copies every call's arguments through it, so a local call behaves like a remote one.
/// </summary>
public interface ISerializer
{
    /// <summary>Writes <paramref name="value"/>; when its runtime type differs from <typeparamref name="T"/>, the type is recorded.</summary>
    void Serialize<T>(T value, IBufferWriter<byte> destination);

    T Deserialize<T>(ReadOnlySpan<byte> source);

    /// <summary>An independent copy (serialise then deserialise), or the value itself for immutable types.</summary>
    T DeepCopy<T>(T value);
}

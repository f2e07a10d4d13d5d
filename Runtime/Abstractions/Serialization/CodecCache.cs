namespace QuantumScheduler.Runtime.Serialization;

/// <summary>The codec of <typeparamref name="T"/>, resolved once: a static field read on the hot path.</summary>
internal static class CodecCache<T>
{
    private static IFieldCodec<T>? codec;

    public static IFieldCodec<T> Codec => codec ??= (IFieldCodec<T>)CodecRegistry.GetCodec(typeof(T));
}

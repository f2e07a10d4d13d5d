namespace QuantumScheduler.Runtime.Serialization.Tests;

internal static class SerializerExtensions
{
    /// <summary>Serialises with the static type <typeparamref name="T"/> and reads it back as <typeparamref name="T"/>.</summary>
    public static T RoundTrip<T>(this Serializer serializer, T value) => serializer.Deserialize<T>(serializer.SerializeToArray(value));
}

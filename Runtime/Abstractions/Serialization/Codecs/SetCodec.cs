namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary><see cref="HashSet{T}"/>, ISet and IReadOnlySet: any set is written, a <see cref="HashSet{T}"/>
/// with the default comparer is read.</summary>
public sealed class SetCodec<TCollection, T> : SequenceCodec<TCollection, T, HashSet<T>> where TCollection : class, IEnumerable<T>
{
    protected override HashSet<T> Create(int capacity) => new(capacity);
}

namespace QuantumScheduler.Runtime.Serialization.Codecs;

/// <summary>
/// <see cref="List{T}"/> and the list-like interfaces (IList, ICollection, IEnumerable, IReadOnlyList,
/// IReadOnlyCollection): any sequence is written, a <see cref="List{T}"/> is read.
/// </summary>
public sealed class ListCodec<TCollection, T> : SequenceCodec<TCollection, T, List<T>> where TCollection : class, IEnumerable<T>
{
    protected override List<T> Create(int capacity) => new(capacity);
}

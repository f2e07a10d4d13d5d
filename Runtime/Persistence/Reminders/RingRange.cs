namespace QuantumScheduler.Runtime.Reminders;

/// <summary>
/// A range (<see cref="Begin"/>, <see cref="End"/>] of <see cref="GrainId.GetUniformHashCode"/> values on the hash
/// ring. When <see cref="Begin"/> &gt;= <see cref="End"/> the range wraps past <see cref="uint.MaxValue"/>, so
/// (x, x] is the whole ring.
/// </summary>
public readonly record struct RingRange(uint Begin, uint End)
{
    /// <summary>Every hash: what a single silo owns.</summary>
    public static RingRange Full { get; } = new(0, 0);

    /// <summary>Whether the range wraps past <see cref="uint.MaxValue"/>.</summary>
    public bool Wraps => Begin >= End;

    public bool Contains(uint hash) => Wraps ? hash > Begin || hash <= End : hash > Begin && hash <= End;

    public bool Contains(GrainId grainId) => Contains(grainId.GetUniformHashCode());

    public override string ToString() => $"({Begin:X8}, {End:X8}]";
}

using System.Runtime.CompilerServices;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// Where amplitude k lives: interleaved (re, im), in segments (default 256 MiB) each followed by a gap (default
/// 2 MiB). Without the gaps, a gate whose partner amplitudes are a multiple of 256 MiB apart (complex128 targets 24
/// and up) streams two addresses that alias: on the benchmark machine two such streams ran 4–6× slower than one
/// pass, while the same streams 2 MiB further apart (258, 516, 1032, 2064 MiB) ran at full speed. One huge page of
/// gap per segment moves every such pair off the multiple, for 0.8% more memory.
/// </summary>
/// <remarks>
/// Kernels run over chunks (<see cref="ChunkedParallel"/>) sized so that a chunk's amplitudes, ignoring a target
/// qubit's bit, lie in one aligned window inside one segment. So a kernel takes <see cref="SegmentBase"/> once per
/// range and indexes linearly from it, and reaches partner amplitudes through <see cref="PartnerOffset"/>, the same
/// for every amplitude whose target bit is clear. Scattered accesses use <see cref="At"/>.
/// </remarks>
internal readonly unsafe struct AmplitudeLayout<T>
    where T : unmanaged
{
    private readonly T* _base;
    private readonly int _segmentBits;
    private readonly int _gapBits;

    public AmplitudeLayout(T* data, SegmentShape shape)
    {
        _base = data;
        (_segmentBits, _gapBits) = (shape.SegmentBits, shape.GapBits);
    }

    /// <summary>Pointer to the real part of amplitude <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T* At(nint index) => SegmentBase(index) + (index << 1);

    /// <summary>The pointer p with p + 2·j = <see cref="At"/>(j) for every j in <paramref name="index"/>'s segment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T* SegmentBase(nint index) => _base + (((index >> _segmentBits) << _gapBits) << 1);

    /// <summary>
    /// Elements of T from amplitude k to amplitude k + 2^<paramref name="qubit"/>, for every k whose bit
    /// <paramref name="qubit"/> is clear: setting that bit crosses 2^(qubit − segment bits) gaps when the qubit is at
    /// or above the segment bits, none otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public nint PartnerOffset(int qubit) =>
        ((nint)2 << qubit) + (qubit >= _segmentBits ? ((nint)2 << (qubit - _segmentBits + _gapBits)) : 0);
}

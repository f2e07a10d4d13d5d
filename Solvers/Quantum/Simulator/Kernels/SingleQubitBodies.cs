using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// A single-qubit gate on a target at or above LaneBits: streams two pointers, 2^q amplitudes apart.
/// Unit: one pair of vectors.
/// </summary>
internal readonly unsafe struct CrossGateBody<T, TLanes, TShape> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : struct, IComplexLanes<T>
    where TShape : struct, IMatrixShape
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly int _qubit;
    private readonly CrossStage<T, TLanes, TShape> _stage;

    public CrossGateBody(AmplitudeLayout<T> amplitudes, int qubit, SingleQubitMatrix u)
    {
        _amplitudes = amplitudes;
        _qubit = qubit;
        _stage = new CrossStage<T, TLanes, TShape>(u);
    }

    /// <summary>
    /// Targets whose runs of partner amplitudes are this short or shorter prefetch the next block (see
    /// <see cref="Execute"/>). The plain two-pointer loop ran 1.8–3× slower than one pass on the benchmark machine for
    /// runs of 512 B to 8 KiB (complex128 targets 5 to 9), at the pass's speed below that and 1.1–1.5× above it;
    /// prefetching the next block measured 1.0–1.25× for those targets and no better above them.
    /// </summary>
    private const int PrefetchedRunBytes = 8192;

    public static nint Units(int qubits) => (nint)1 << (qubits - 1 - TLanes.LaneBits);

    /// <remarks>Fully optimised from the first call: each pass is one long loop run a few times, which tiered
    /// compilation would otherwise leave in on-stack-replacement code for the first 30 calls.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(nint start, nint end)
    {
        // Locals, not fields: the stores through T* could alias this struct, which would force reloads.
        var (qubit, stage) = (_qubit, _stage);
        var data = _amplitudes.SegmentBase(BitIndex.InsertZero(start << TLanes.LaneBits, qubit));
        var stride = _amplitudes.PartnerOffset(qubit);
        var runUnits = (nint)1 << (qubit - TLanes.LaneBits);

        // Short runs: while the butterflies walk a block (low run, then high run: 2·runUnits vectors), prefetch the
        // next block in address order, one cache line per step, so memory sees one sequential stream instead of two
        // streams that jump every run. Prefetches past the chunk or the state are harmless.
        var prefetch = runUnits * sizeof(Vector256<T>) <= PrefetchedRunBytes;
        var lineMinusVector = (nint)(64 / sizeof(T)) - Vector256<T>.Count;
        for (var p = start; p < end; p++)
        {
            var low = data + (BitIndex.InsertZero(p << TLanes.LaneBits, qubit) << 1);
            if (prefetch)
            {
                Sse.Prefetch0(low + (2 * stride) + ((p & (runUnits - 1)) * lineMinusVector));
            }

            var high = low + stride;
            var v0 = Vector256.Load(low);
            var v1 = Vector256.Load(high);
            stage.Apply(ref v0, ref v1);
            v0.Store(low);
            v1.Store(high);
        }
    }
}

/// <summary>A single-qubit gate on a target below LaneBits: partners share a vector. Unit: one vector.</summary>
internal readonly unsafe struct InRegisterGateBody<T, TLanes, TShape> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : struct, IComplexLanes<T>
    where TShape : struct, IMatrixShape
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly InRegisterStage<T, TLanes, TShape> _stage;

    public InRegisterGateBody(AmplitudeLayout<T> amplitudes, int qubit, SingleQubitMatrix u)
    {
        _amplitudes = amplitudes;
        _stage = new InRegisterStage<T, TLanes, TShape>(u, qubit);
    }

    public static nint Units(int qubits) => (nint)1 << (qubits - TLanes.LaneBits);

    /// <remarks>Fully optimised from the first call: each pass is one long loop run a few times, which tiered
    /// compilation would otherwise leave in on-stack-replacement code for the first 30 calls.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(nint start, nint end)
    {
        var data = _amplitudes.SegmentBase(start << TLanes.LaneBits);
        var stage = _stage;
        for (var p = start; p < end; p++)
        {
            var at = data + (p << (TLanes.LaneBits + 1));
            stage.Apply(Vector256.Load(at)).Store(at);
        }
    }
}

/// <summary>Portable single-qubit gate, one amplitude pair at a time. Unit: one pair.</summary>
internal readonly unsafe struct ScalarGateBody<T> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly int _qubit;
    private readonly ScalarMatrix<T> _u;

    public ScalarGateBody(AmplitudeLayout<T> amplitudes, int qubit, SingleQubitMatrix u)
    {
        _amplitudes = amplitudes;
        _qubit = qubit;
        _u = new ScalarMatrix<T>(u);
    }

    public static nint Units(int qubits) => (nint)1 << (qubits - 1);

    public void Execute(nint start, nint end)
    {
        var stride = _amplitudes.PartnerOffset(_qubit);
        var data = _amplitudes.SegmentBase(BitIndex.InsertZero(start, _qubit));
        for (var p = start; p < end; p++)
        {
            var low = data + (BitIndex.InsertZero(p, _qubit) << 1);
            _u.Apply(low, low + stride);
        }
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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
    /// Targets whose runs of partner amplitudes are this short or shorter are staged (see <see cref="Execute"/>).
    /// The two-pointer loop ran 2–3× slower than one pass on the benchmark machine for runs of 512 B to 4 KiB
    /// (complex128 targets 5 to 8) and at the pass's speed below and well above that; staging measured 1.0–1.3×.
    /// </summary>
    private const int StagedRunBytes = 4096;

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
        if (runUnits * sizeof(Vector256<T>) > StagedRunBytes)
        {
            for (var p = start; p < end; p++)
            {
                var low = data + (BitIndex.InsertZero(p << TLanes.LaneBits, qubit) << 1);
                var high = low + stride;
                var v0 = Vector256.Load(low);
                var v1 = Vector256.Load(high);
                stage.Apply(ref v0, ref v1);
                v0.Store(low);
                v1.Store(high);
            }

            return;
        }

        // Short runs: copy the low run into an L1 buffer, stream the high run through the butterfly, then write the
        // low run back, so each run is read and written in order rather than alternating between the two.
        var staged = stackalloc Vector256<T>[(int)Math.Min(runUnits, StagedRunBytes / sizeof(Vector256<T>))];
        var width = Vector256<T>.Count;
        for (var p = start; p < end;)
        {
            var pieceEnd = Math.Min(end, (p | (runUnits - 1)) + 1);
            var count = (int)(pieceEnd - p);
            var low = data + (BitIndex.InsertZero(p << TLanes.LaneBits, qubit) << 1);
            var high = low + stride;
            for (var i = 0; i < count; i++)
            {
                staged[i] = Vector256.Load(low + (i * width));
            }

            for (var i = 0; i < count; i++)
            {
                var v0 = staged[i];
                var v1 = Vector256.Load(high + (i * width));
                stage.Apply(ref v0, ref v1);
                staged[i] = v0;
                v1.Store(high + (i * width));
            }

            for (var i = 0; i < count; i++)
            {
                staged[i].Store(low + (i * width));
            }

            p = pieceEnd;
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

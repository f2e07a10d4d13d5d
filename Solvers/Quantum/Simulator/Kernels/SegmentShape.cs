using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// How a state's amplitudes are split into segments with a gap after each (see <see cref="AmplitudeLayout{T}"/>):
/// log2 of amplitudes per segment and per gap. A state of one segment or less has no gap.
/// </summary>
internal readonly record struct SegmentShape(int SegmentBits, int GapBits)
{
    /// <summary>Segment bits of a state that is a single segment: no index reaches them.</summary>
    private const int Unsegmented = 62;

    /// <summary>The shape for a state of <paramref name="qubits"/> qubits of <paramref name="amplitudeBytes"/>-byte amplitudes.</summary>
    public static SegmentShape For(int qubits, int amplitudeBytes, SimulatorOptions options)
    {
        var segmentBits = BitOperations.Log2((ulong)(options.LayoutSegmentBytes / amplitudeBytes));
        var gapBits = BitOperations.Log2((ulong)(options.LayoutGapBytes / amplitudeBytes));
        return new SegmentShape(qubits > segmentBits ? segmentBits : Unsegmented, gapBits);
    }

    /// <summary>Amplitudes per segment (a huge number when the state is one segment).</summary>
    public long SegmentAmplitudes => 1L << SegmentBits;

    /// <summary>Bytes of a state of <paramref name="qubits"/> qubits with its gaps.</summary>
    public long BytesRequired(int qubits, int amplitudeBytes)
    {
        var gaps = qubits > SegmentBits ? (1L << (qubits - SegmentBits)) - 1 : 0;
        return ((1L << qubits) + (gaps << GapBits)) * amplitudeBytes;
    }
}

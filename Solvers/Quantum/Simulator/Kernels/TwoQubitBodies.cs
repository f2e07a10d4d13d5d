using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>A single-qubit gate on <c>target</c> where <c>control</c> is 1. Unit: one amplitude pair inside the control-1 half.</summary>
internal readonly unsafe struct ControlledGateBody<T> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly int _control;
    private readonly int _target;
    private readonly ScalarMatrix<T> _u;

    public ControlledGateBody(AmplitudeLayout<T> amplitudes, int control, int target, SingleQubitMatrix u)
    {
        _amplitudes = amplitudes;
        _control = control;
        _target = target;
        _u = new ScalarMatrix<T>(u);
    }

    public static nint Units(int qubits) => (nint)1 << (qubits - 2);

    public void Execute(nint start, nint end)
    {
        var stride = _amplitudes.PartnerOffset(_target);
        for (var p = start; p < end; p++)
        {
            var index = BitIndex.InsertZeros(p, Math.Min(_control, _target), Math.Max(_control, _target)) | ((nint)1 << _control);
            var low = _amplitudes.At(index);
            _u.Apply(low, low + stride);
        }
    }
}

/// <summary>Exchanges the |…1…0…⟩ and |…0…1…⟩ amplitudes of qubits a and b. Unit: one exchanged pair.</summary>
internal readonly unsafe struct SwapBody<T> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly int _a;
    private readonly int _b;

    public SwapBody(AmplitudeLayout<T> amplitudes, int a, int b)
    {
        _amplitudes = amplitudes;
        _a = Math.Min(a, b);
        _b = Math.Max(a, b);
    }

    public void Execute(nint start, nint end)
    {
        for (var p = start; p < end; p++)
        {
            var index = BitIndex.InsertZeros(p, _a, _b);
            var first = _amplitudes.At(index | ((nint)1 << _a));
            var second = _amplitudes.At(index | ((nint)1 << _b));
            (first[0], second[0]) = (second[0], first[0]);
            (first[1], second[1]) = (second[1], first[1]);
        }
    }
}

/// <summary>
/// A diagonal two-qubit gate: amplitude k is multiplied by phases[2·bit_b(k) + bit_a(k)] (CZ, controlled phase,
/// ZZ rotation). Unit: one amplitude.
/// </summary>
internal readonly unsafe struct TwoQubitDiagonalBody<T> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly int _a;
    private readonly int _b;
    private readonly Complex _p00, _p01, _p10, _p11;

    public TwoQubitDiagonalBody(AmplitudeLayout<T> amplitudes, int a, int b, Complex p00, Complex p01, Complex p10, Complex p11)
    {
        _amplitudes = amplitudes;
        _a = a;
        _b = b;
        (_p00, _p01, _p10, _p11) = (p00, p01, p10, p11);
    }

    public void Execute(nint start, nint end)
    {
        var data = _amplitudes.SegmentBase(start);
        for (var k = start; k < end; k++)
        {
            var phase = ((k >> _b & 1) << 1 | (k >> _a & 1)) switch
            {
                0 => _p00,
                1 => _p01,
                2 => _p10,
                _ => _p11,
            };
            if (phase != Complex.One)
            {
                ScalarComplex<T>.MultiplyInPlace(data + (k << 1), phase.Real, phase.Imaginary);
            }
        }
    }
}

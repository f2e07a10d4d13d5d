using System.Numerics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>Writes |a_k|² into a double buffer. Unit: one amplitude.</summary>
internal readonly unsafe struct ProbabilitiesBody<T> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly double* _target;

    public ProbabilitiesBody(AmplitudeLayout<T> amplitudes, double* target)
    {
        _amplitudes = amplitudes;
        _target = target;
    }

    public void Execute(nint start, nint end)
    {
        var data = _amplitudes.SegmentBase(start);
        for (var k = start; k < end; k++)
        {
            _target[k] = ScalarComplex<T>.SquaredMagnitude(data + (k << 1));
        }
    }
}

/// <summary>Multiplies every amplitude by a real factor, or zeroes it when its bit <c>qubit</c> differs from <c>keep</c>. Unit: one amplitude.</summary>
internal readonly unsafe struct CollapseBody<T> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly int _qubit;
    private readonly int _keep;
    private readonly T _scale;

    /// <param name="amplitudes">The state's amplitudes.</param>
    /// <param name="qubit">Measured qubit, or −1 to scale every amplitude.</param>
    /// <param name="keep">Bit value of <paramref name="qubit"/> whose amplitudes survive.</param>
    /// <param name="scale">Factor for the surviving amplitudes.</param>
    public CollapseBody(AmplitudeLayout<T> amplitudes, int qubit, int keep, double scale)
    {
        _amplitudes = amplitudes;
        _qubit = qubit;
        _keep = keep;
        _scale = T.CreateTruncating(scale);
    }

    public void Execute(nint start, nint end)
    {
        var data = _amplitudes.SegmentBase(start);
        for (var k = start; k < end; k++)
        {
            var factor = _qubit < 0 || (int)(k >> _qubit & 1) == _keep ? _scale : T.Zero;
            data[2 * k] *= factor;
            data[(2 * k) + 1] *= factor;
        }
    }
}

/// <summary>Sets every amplitude to the same real value (|0…0⟩ is set separately). Unit: one amplitude.</summary>
internal readonly unsafe struct FillBody<T> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly T _value;

    public FillBody(AmplitudeLayout<T> amplitudes, double value)
    {
        _amplitudes = amplitudes;
        _value = T.CreateTruncating(value);
    }

    public void Execute(nint start, nint end)
    {
        var data = _amplitudes.SegmentBase(start);
        for (var k = start; k < end; k++)
        {
            data[2 * k] = _value;
            data[(2 * k) + 1] = T.Zero;
        }
    }
}

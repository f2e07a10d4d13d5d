using System.Numerics;
using System.Runtime.Intrinsics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// amplitude[k] ·= exp(−iγ·qubo(k)) without a stored cost vector. Per block of low bits the phase is
/// lowPhase[kLow] · exp(−iγ·constant) · Π_{x_i = 1} exp(−iγ·field_i); the product table is built by doubling
/// (one complex product per amplitude), so no transcendental runs per amplitude. Unit: one block.
/// </summary>
internal readonly unsafe struct QuboPhaseBody<T, TLanes> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : struct, IComplexLanes<T>
{
    private readonly T* _data;
    private readonly QuboBlocks _blocks;
    private readonly double* _lowPhase; // interleaved exp(−iγ·LowCost[k])
    private readonly double _gamma;
    private readonly bool _vector;

    public QuboPhaseBody(T* data, QuboBlocks blocks, double* lowPhase, double gamma, bool vector)
    {
        _data = data;
        _blocks = blocks;
        _lowPhase = lowPhase;
        _gamma = gamma;
        _vector = vector;
    }

    public void Execute(nint start, nint end)
    {
        var lowBits = _blocks.LowBits;
        var length = _blocks.BlockLength;
        Span<double> field = stackalloc double[lowBits];
        var table = new double[2 * length];
        fixed (double* f = table)
        {
            for (var block = start; block < end; block++)
            {
                var constant = _blocks.BlockTerms(block, field);
                var (sin, cos) = Math.SinCos(_gamma * constant);
                f[0] = cos;
                f[1] = -sin;
                var amplitudes = _data + (block << (lowBits + 1));
                if (_vector)
                {
                    FillVector(f, field);
                    for (nint k = 0; k < length; k += 4)
                    {
                        var f01 = DoubleLanes.ComplexMultiply(Vector256.Load(f + (2 * k)), Vector256.Load(_lowPhase + (2 * k)));
                        var f23 = DoubleLanes.ComplexMultiply(Vector256.Load(f + (2 * k) + 4), Vector256.Load(_lowPhase + (2 * k) + 4));
                        TLanes.MultiplyFour(amplitudes + (2 * k), f01, f23);
                    }
                }
                else
                {
                    FillScalar(f, field);
                    for (nint k = 0; k < length; k++)
                    {
                        var phase = new Complex(f[2 * k], f[(2 * k) + 1]) * new Complex(_lowPhase[2 * k], _lowPhase[(2 * k) + 1]);
                        ScalarComplex<T>.MultiplyInPlace(amplitudes + (2 * k), phase.Real, phase.Imaginary);
                    }
                }
            }
        }
    }

    /// <summary>table[k | 2^t] = table[k] · exp(−iγ·field_t) for k &lt; 2^t, starting from table[0].</summary>
    private void FillScalar(double* table, ReadOnlySpan<double> field)
    {
        for (var t = 0; t < field.Length; t++)
        {
            var (sin, cos) = Math.SinCos(_gamma * field[t]);
            var factor = new Complex(cos, -sin);
            var half = 1 << t;
            for (var k = 0; k < half; k++)
            {
                var product = new Complex(table[2 * k], table[(2 * k) + 1]) * factor;
                table[2 * (k + half)] = product.Real;
                table[(2 * (k + half)) + 1] = product.Imaginary;
            }
        }
    }

    private void FillVector(double* table, ReadOnlySpan<double> field)
    {
        FillScalar(table, field[..1]);
        for (var t = 1; t < field.Length; t++)
        {
            var (sin, cos) = Math.SinCos(_gamma * field[t]);
            var factor = Vector256.Create(cos, -sin, cos, -sin);
            var half = 2 << t; // doubles in the first half
            for (var k = 0; k < half; k += 4)
            {
                DoubleLanes.ComplexMultiply(Vector256.Load(table + k), factor).Store(table + half + k);
            }
        }
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>
/// amplitude[k] ·= exp(−iγ·qubo(k)) without a stored cost vector. Within a block of low bits the angle is
/// lowAngle[kLow] + constant + Σ_{x_i = 1} field_i, so the block's phases are lowPhase[kLow] times a table built by
/// doubling (one complex product per amplitude). Tables are kept as separate cos and sin arrays, where a complex
/// product is four plain vector operations, and no transcendental runs per amplitude. Unit: one block.
/// </summary>
internal readonly unsafe struct QuboPhaseBody<T, TLanes> : IChunkBody
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLanes : struct, IComplexLanes<T>
{
    private readonly AmplitudeLayout<T> _amplitudes;
    private readonly QuboBlocks _blocks;
    private readonly double* _lowCos;
    private readonly double* _lowSin;
    private readonly double _gamma;
    private readonly bool _vector;

    /// <param name="amplitudes">The state's amplitudes.</param>
    /// <param name="blocks">The QUBO split into low-bit and per-block terms.</param>
    /// <param name="lowCos">cos(γ·LowCost[k]).</param>
    /// <param name="lowSin">sin(γ·LowCost[k]).</param>
    /// <param name="gamma">Layer angle.</param>
    /// <param name="vector">Use the AVX2/FMA loops (needs blocks of at least 4 amplitudes).</param>
    public QuboPhaseBody(AmplitudeLayout<T> amplitudes, QuboBlocks blocks, double* lowCos, double* lowSin, double gamma, bool vector)
    {
        _amplitudes = amplitudes;
        _blocks = blocks;
        _lowCos = lowCos;
        _lowSin = lowSin;
        _gamma = gamma;
        _vector = vector;
    }

    /// <remarks>Fully optimised from the first call: each pass is one long loop run a few times, which tiered
    /// compilation would otherwise leave in on-stack-replacement code for the first 30 calls.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Execute(nint start, nint end)
    {
        var lowBits = _blocks.LowBits;
        var length = _blocks.BlockLength;
        Span<double> field = stackalloc double[lowBits];
        var cosTable = new double[length];
        var sinTable = new double[length];
        fixed (double* cos = cosTable, sin = sinTable)
        {
            for (var block = start; block < end; block++)
            {
                (sin[0], cos[0]) = Math.SinCos(_gamma * _blocks.BlockTerms(block, field));
                FillByDoubling(cos, sin, field);
                var amplitudes = _amplitudes.At(block << lowBits);
                if (_vector)
                {
                    for (nint k = 0; k < length; k += 4)
                    {
                        var (c, s) = (Vector256.Load(cos + k), Vector256.Load(sin + k));
                        var (lc, ls) = (Vector256.Load(_lowCos + k), Vector256.Load(_lowSin + k));
                        TLanes.MultiplyByExpMinusI(amplitudes + (2 * k), Fma.MultiplySubtract(c, lc, s * ls), Fma.MultiplyAdd(s, lc, c * ls));
                    }
                }
                else
                {
                    for (nint k = 0; k < length; k++)
                    {
                        var c = (cos[k] * _lowCos[k]) - (sin[k] * _lowSin[k]);
                        var s = (sin[k] * _lowCos[k]) + (cos[k] * _lowSin[k]);
                        ScalarComplex<T>.MultiplyInPlace(amplitudes + (2 * k), c, -s);
                    }
                }
            }
        }
    }

    /// <summary>Angle table: entry k | 2^t = entry k + γ·field_t for k &lt; 2^t, as cos/sin by the addition formulas.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FillByDoubling(double* cos, double* sin, ReadOnlySpan<double> field)
    {
        for (var t = 0; t < field.Length; t++)
        {
            var (st, ct) = Math.SinCos(_gamma * field[t]);
            var half = 1 << t;
            var k = 0;
            if (_vector && half >= 4)
            {
                var (vc, vs) = (Vector256.Create(ct), Vector256.Create(st));
                for (; k < half; k += 4)
                {
                    var (c, s) = (Vector256.Load(cos + k), Vector256.Load(sin + k));
                    Fma.MultiplySubtract(c, vc, s * vs).Store(cos + half + k);
                    Fma.MultiplyAdd(s, vc, c * vs).Store(sin + half + k);
                }
            }

            for (; k < half; k++)
            {
                cos[half + k] = (cos[k] * ct) - (sin[k] * st);
                sin[half + k] = (sin[k] * ct) + (cos[k] * st);
            }
        }
    }
}

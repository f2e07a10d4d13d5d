using System.Runtime.Intrinsics;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>Reads the per-amplitude indices of a <see cref="CostTable"/>; the JIT specialises kernels per index width.</summary>
internal unsafe interface ICostIndex
{
    /// <summary>Index of amplitude <paramref name="k"/>.</summary>
    static abstract int Load(void* indices, nint k);

    /// <summary>Indices of amplitudes first … first + 3, widened to int32 lanes (only called when AVX2 is present).</summary>
    static abstract Vector128<int> LoadFour(void* indices, nint first);
}

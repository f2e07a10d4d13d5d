using System.Runtime.CompilerServices;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>Index arithmetic for walking the amplitudes a gate touches.</summary>
internal static class BitIndex
{
    /// <summary>Inserts a 0 at bit <paramref name="bit"/>, shifting the higher bits up: the p-th index whose bit is clear.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint InsertZero(nint value, int bit)
    {
        var low = value & (((nint)1 << bit) - 1);
        return ((value - low) << 1) | low;
    }

    /// <summary>Inserts zeros at two distinct bits (<paramref name="low"/> &lt; <paramref name="high"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint InsertZeros(nint value, int low, int high) => InsertZero(InsertZero(value, low), high);
}

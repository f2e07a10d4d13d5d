using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>One-byte indices: tables of at most 256 costs.</summary>
internal readonly unsafe struct ByteCostIndex : ICostIndex
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Load(void* indices, nint k) => ((byte*)indices)[k];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> LoadFour(void* indices, nint first) =>
        Sse41.ConvertToVector128Int32(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<uint>((byte*)indices + first)).AsByte());
}

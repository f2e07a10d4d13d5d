using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>Two-byte indices: tables of at most 65 536 costs.</summary>
internal readonly unsafe struct UInt16CostIndex : ICostIndex
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Load(void* indices, nint k) => ((ushort*)indices)[k];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> LoadFour(void* indices, nint first) =>
        Sse41.ConvertToVector128Int32(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>((ushort*)indices + first)).AsUInt16());
}

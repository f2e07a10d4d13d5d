using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QuantumScheduler.Bench.Simulator;

/// <summary>
/// The memory-bandwidth bound for a pass over <c>bytes</c> bytes with a given thread count: a copy into a second
/// buffer, and an in-place read-modify-write pass. A gate reads and writes every amplitude once, in place, so the
/// read-modify-write pass is the fair bound; the copy also pays for write-allocate reads of its target. The copy's
/// source and target sit in one allocation 2 MiB apart beyond a multiple of 256 MiB: two buffers a multiple of
/// 256 MiB apart stream 4–6× slower on the benchmark machine (the aliasing the simulator's layout avoids), which would
/// make the copy bound unfairly slow.
/// </summary>
internal sealed unsafe partial class BandwidthProbe(long bytes, int threads)
{
    private const long ChunkBytes = 1 << 20;

    /// <summary>Extra distance between the copy's source and target (one huge page).</summary>
    private const long AliasingGap = 2 << 20;

    /// <summary>Kept in a field so the JIT cannot drop the multiply in the read-modify-write pass.</summary>
    private double _scale = 1.0;

    public long Bytes { get; } = bytes;

    /// <summary>Runs <paramref name="copies"/> timed copies; returns seconds per copy for each run.</summary>
    public double[] Copy(int copies)
    {
        var source = Allocate(Bytes + AliasingGap + Bytes);
        var target = source + Bytes + AliasingGap;
        try
        {
            NativeMemory.Fill(source, (nuint)Bytes, 1);
            NativeMemory.Fill(target, (nuint)Bytes, 2);
            return Timing.Repeat(copies, () => ForChunks((start, length) => Buffer.MemoryCopy(source + start, target + start, length, length)));
        }
        finally
        {
            NativeMemory.AlignedFree(source);
        }
    }

    /// <summary>Runs <paramref name="passes"/> timed in-place passes (load, multiply, store every 32 bytes).</summary>
    public double[] ReadModifyWrite(int passes)
    {
        var buffer = Allocate(Bytes);
        try
        {
            NativeMemory.Clear(buffer, (nuint)Bytes);
            return Timing.Repeat(passes, () => ForChunks((start, length) =>
            {
                var scale = Vector256.Create(_scale);
                var at = (double*)(buffer + start);
                var end = (double*)(buffer + start + length);
                for (; at < end; at += 4)
                {
                    (Vector256.Load(at) * scale).Store(at);
                }
            }));
        }
        finally
        {
            NativeMemory.AlignedFree(buffer);
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);

    private static byte* Allocate(long bytes)
    {
        const nuint hugePage = 2 << 20;
        var buffer = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, hugePage);
        if (OperatingSystem.IsLinux())
        {
            _ = Madvise(buffer, (nuint)bytes, 14); // MADV_HUGEPAGE, as Solvers' NativeBuffer does
        }

        return buffer;
    }

    private void ForChunks(Action<long, long> pass)
    {
        var chunks = (Bytes + ChunkBytes - 1) / ChunkBytes;
        if (threads == 1)
        {
            pass(0, Bytes);
            return;
        }

        Parallel.For(0L, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
        {
            var start = chunk * ChunkBytes;
            pass(start, Math.Min(ChunkBytes, Bytes - start));
        });
    }
}

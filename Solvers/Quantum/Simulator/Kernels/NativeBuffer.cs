using System.Runtime.InteropServices;

namespace QuantumScheduler.Solvers.Quantum.Simulator.Kernels;

/// <summary>64-byte-aligned native memory (cache-line and AVX-512 aligned), sized in bytes as a 64-bit count.</summary>
internal sealed unsafe class NativeBuffer : IDisposable
{
    private const nuint Alignment = 64;
    private void* _pointer;

    public NativeBuffer(long bytes)
    {
        if (bytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "Buffer size must be positive.");
        }

        _pointer = NativeMemory.AlignedAlloc((nuint)bytes, Alignment);
        Bytes = bytes;
        GC.AddMemoryPressure(bytes);
    }

    ~NativeBuffer() => Release();

    public long Bytes { get; }

    public void* Pointer => _pointer != null ? _pointer : throw new ObjectDisposedException(nameof(NativeBuffer), "The simulator memory has been released.");

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Release()
    {
        if (_pointer != null)
        {
            NativeMemory.AlignedFree(_pointer);
            _pointer = null;
            GC.RemoveMemoryPressure(Bytes);
        }
    }
}

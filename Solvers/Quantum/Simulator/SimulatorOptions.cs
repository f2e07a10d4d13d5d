namespace QuantumScheduler.Solvers.Quantum.Simulator;

/// <summary>How a <see cref="QuantumState"/> uses the machine.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Shared defaults: all cores, SIMD on, memory limit a quarter of available memory.</summary>
    public static SimulatorOptions Default { get; } = new();

    /// <summary>
    /// Most threads a single operation uses. Default: <see cref="Environment.ProcessorCount"/>.
    /// Results do not depend on it: work is split into fixed chunks whatever the thread count.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// States with fewer qubits than this run on the calling thread only, because waking workers costs more
    /// than the pass itself. Default: 14 (a 256 KiB complex128 state).
    /// </summary>
    public int ParallelThresholdQubits { get; init; } = 14;

    /// <summary>
    /// Largest state, in bytes, that may be allocated; null means
    /// <see cref="SimulatorCapacity.DefaultMemoryLimitBytes"/> (a quarter of the memory available to the process).
    /// </summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>
    /// Use the AVX2/FMA kernels when the CPU has them. Default: true. When false (or on a CPU without AVX2 and FMA)
    /// the portable scalar kernels run; both give the same results to rounding.
    /// </summary>
    public bool UseSimd { get; init; } = true;

    /// <summary>
    /// A <see cref="CostVector"/> with at most this many distinct costs is stored as a table of them plus a 1- or 2-byte
    /// index per basis state, so a cost layer computes one sin/cos per distinct value and streams less memory.
    /// Default: 65 536 (the reach of a 2-byte index; larger values act as 65 536). 0 always stores one double per
    /// basis state and computes one sin/cos per amplitude.
    /// </summary>
    public int MaxCostTableValues { get; init; } = 65_536;

    /// <summary>Bytes per segment of a state's memory (see AmplitudeLayout); tests shrink it to reach the gaps.</summary>
    internal long LayoutSegmentBytes { get; init; } = 256L << 20;

    /// <summary>Bytes of gap after each segment but the last.</summary>
    internal long LayoutGapBytes { get; init; } = 2L << 20;

    internal void Validate()
    {
        if (!long.IsPow2(LayoutSegmentBytes) || LayoutSegmentBytes < 16 << 10 || !long.IsPow2(LayoutGapBytes) || LayoutGapBytes < 64)
        {
            throw new ArgumentOutOfRangeException(nameof(LayoutSegmentBytes), $"Layout segments ({LayoutSegmentBytes} bytes) and gaps ({LayoutGapBytes}) must be powers of two of at least 16 KiB and 64 bytes.");
        }

        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "SimulatorOptions.MaxDegreeOfParallelism must be at least 1.");
        }

        if (ParallelThresholdQubits < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ParallelThresholdQubits), ParallelThresholdQubits, "SimulatorOptions.ParallelThresholdQubits must not be negative.");
        }

        if (MaxCostTableValues < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCostTableValues), MaxCostTableValues, "SimulatorOptions.MaxCostTableValues must not be negative.");
        }

        if (MemoryLimitBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MemoryLimitBytes), MemoryLimitBytes, "SimulatorOptions.MemoryLimitBytes must be positive when set.");
        }
    }
}

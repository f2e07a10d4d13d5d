namespace QuantumScheduler.Solvers.Quantum.Simulator;

/// <summary>How many qubits fit in memory: the QAOA backend asks this before building a state.</summary>
public static class SimulatorCapacity
{
    /// <summary>Hard ceiling on qubits: amplitude indices are 64-bit but basis states are reported as <see cref="long"/>.</summary>
    public const int MaxSupportedQubits = 40;

    /// <summary>Bytes one amplitude takes in the given precision.</summary>
    public static int BytesPerAmplitude(StatePrecision precision) => precision switch
    {
        StatePrecision.Complex128 => 16,
        StatePrecision.Complex64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown state precision."),
    };

    /// <summary>
    /// Bytes of a state's amplitudes (2^qubits of them): what the memory limit is checked against. States of 512 MiB
    /// and more allocate 0.8% on top for the gaps of their memory layout (2 MiB per 256 MiB; see docs/simulator.md),
    /// which, like a cost vector, is not counted against the limit.
    /// </summary>
    public static long BytesRequired(int qubits, StatePrecision precision)
    {
        if (qubits is < 1 or > MaxSupportedQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, $"Qubit count must be between 1 and {MaxSupportedQubits}.");
        }

        return (1L << qubits) * BytesPerAmplitude(precision);
    }

    /// <summary>
    /// Default memory limit for one state: a quarter of the memory available to this process
    /// (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>, which honours container limits).
    /// </summary>
    public static long DefaultMemoryLimitBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4;

    /// <summary>Largest qubit count whose state fits in <paramref name="memoryLimitBytes"/> (0 when not even one qubit fits).</summary>
    public static int MaxQubits(long memoryLimitBytes, StatePrecision precision)
    {
        if (memoryLimitBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(memoryLimitBytes), memoryLimitBytes, "The memory limit must be positive.");
        }

        var qubits = 0;
        while (qubits < MaxSupportedQubits && BytesRequired(qubits + 1, precision) <= memoryLimitBytes)
        {
            qubits++;
        }

        return qubits;
    }

    /// <summary>Largest qubit count that fits the limit configured in <paramref name="options"/> (or the default limit).</summary>
    public static int MaxQubits(StatePrecision precision, SimulatorOptions? options = null) =>
        MaxQubits(options?.MemoryLimitBytes ?? DefaultMemoryLimitBytes, precision);

    internal static void EnsureFits(int qubits, StatePrecision precision, SimulatorOptions options)
    {
        var limit = options.MemoryLimitBytes ?? DefaultMemoryLimitBytes;
        var needed = BytesRequired(qubits, precision);
        if (needed > limit)
        {
            throw new StateTooLargeException(qubits, precision, needed, limit);
        }
    }
}

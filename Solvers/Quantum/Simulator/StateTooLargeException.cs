namespace QuantumScheduler.Solvers.Quantum.Simulator;

/// <summary>Thrown when a state vector would not fit the configured memory limit.</summary>
public sealed class StateTooLargeException : InvalidOperationException
{
    public StateTooLargeException(int qubits, StatePrecision precision, long bytesNeeded, long limitBytes)
        : base($"A {qubits}-qubit {precision} state vector needs {bytesNeeded:N0} bytes, over the memory limit of {limitBytes:N0} bytes " +
               $"(at most {SimulatorCapacity.MaxQubits(limitBytes, precision)} qubits fit). Raise SimulatorOptions.MemoryLimitBytes or use fewer qubits.")
    {
        Qubits = qubits;
        Precision = precision;
        BytesNeeded = bytesNeeded;
        LimitBytes = limitBytes;
    }

    /// <summary>Qubits requested.</summary>
    public int Qubits { get; }

    /// <summary>Precision requested.</summary>
    public StatePrecision Precision { get; }

    /// <summary>Bytes the state would take.</summary>
    public long BytesNeeded { get; }

    /// <summary>The limit it exceeded.</summary>
    public long LimitBytes { get; }
}

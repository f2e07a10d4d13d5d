namespace QuantumScheduler.Solvers.Quantum.Simulator;

/// <summary>Floating-point format of the state vector's amplitudes.</summary>
public enum StatePrecision
{
    /// <summary>Two doubles per amplitude (16 bytes): the default, accurate to about 1e-15 per gate.</summary>
    Complex128,

    /// <summary>Two floats per amplitude (8 bytes): half the memory and traffic, accurate to about 1e-7 per gate.</summary>
    Complex64,
}

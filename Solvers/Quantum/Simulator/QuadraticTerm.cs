namespace QuantumScheduler.Solvers.Quantum.Simulator;

/// <summary>A term <c>Weight · x_I · x_J</c> of a QUBO; variable i is qubit i (bit i of the basis-state index).</summary>
public readonly record struct QuadraticTerm(int I, int J, double Weight);

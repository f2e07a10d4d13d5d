namespace QuantumScheduler.Solvers.Quantum.Annealing;

/// <summary>Which annealing sampler the <c>annealing</c> backend runs.</summary>
public enum AnnealingMode
{
    /// <summary>Simulated (thermal) annealing.</summary>
    Sa,

    /// <summary>Simulated quantum annealing (path-integral Monte Carlo).</summary>
    Sqa,
}

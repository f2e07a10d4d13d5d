namespace QuantumScheduler.Solvers.Quantum.Qaoa;

/// <summary>What the angle optimiser minimises.</summary>
public enum QaoaObjective
{
    /// <summary>The energy expectation ⟨ψ|C|ψ⟩.</summary>
    Expectation,

    /// <summary>
    /// CVaR-α: the mean energy of the lowest α share of the output distribution (Barkoutsos et al. 2020). It rewards
    /// states that put weight on good bitstrings rather than a good average, which is what sampling needs.
    /// </summary>
    Cvar,
}

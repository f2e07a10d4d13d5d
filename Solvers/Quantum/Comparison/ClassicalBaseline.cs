namespace QuantumScheduler.Solvers.Quantum.Comparison;

/// <summary>
/// The best classical result known for the same problem: computed by running a classical backend (see
/// <see cref="ComparisonOptions"/>) or provided by the caller from an earlier solve.
/// </summary>
/// <param name="Backend">The classical backend's name, e.g. "classical-tabu".</param>
/// <param name="Objective">The checker's penalized objective, in the problem's sense.</param>
/// <param name="IsFeasible">The checker's verdict.</param>
/// <param name="WallTime">How long the classical solve took.</param>
public sealed record ClassicalBaseline(string Backend, double Objective, bool IsFeasible, TimeSpan WallTime);

using QuantumScheduler.Solvers.Backends;

namespace QuantumScheduler.Bench.SolverBench;

/// <summary>The result of one instance: what goes into the TSV, plus what the summary needs.</summary>
/// <param name="Objective">The checker's objective of the returned assignment; null when the solver returned none.</param>
/// <param name="Feasible">Whether the independent feasibility checker accepts the assignment.</param>
/// <param name="Bound">The proven bound the solver reported, if any.</param>
/// <param name="GapToOptimum">Percent worse than the known optimum in the instance's sense (negative = better); null without an optimum or a feasible answer.</param>
internal sealed record BenchRow(
    string Instance,
    string Set,
    string Backend,
    double? Objective,
    bool Feasible,
    double Seconds,
    double? Bound,
    double? GapToOptimum,
    TerminationReason? Termination,
    string? Error);

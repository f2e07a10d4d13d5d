using QuantumScheduler.Solvers.Backends;

namespace QuantumScheduler.Solvers.Quantum.Qubo;

/// <summary>What a QUBO solve returned and how it got there (for tests, reports and the comparison record).</summary>
/// <param name="Result">The backend's answer.</param>
/// <param name="FinalQubo">The QUBO of the last penalty round.</param>
/// <param name="PenaltyRounds">Re-formulations with raised penalties.</param>
/// <param name="RawFeasibleSamples">Samples whose decoded assignment the checker accepted without repair.</param>
/// <param name="Samples">All samples drawn.</param>
/// <param name="Batches">Sampling calls.</param>
/// <param name="IsFeasible">The checker's verdict on <see cref="BackendResult.AgentOfTask"/>.</param>
/// <param name="Objective">The checker's penalized objective of the result, in the problem's sense.</param>
/// <param name="WallTime">Time spent in the solve.</param>
public sealed record QuboSolveOutcome(
    BackendResult Result,
    SchedulingQubo FinalQubo,
    int PenaltyRounds,
    int RawFeasibleSamples,
    int Samples,
    int Batches,
    bool IsFeasible,
    double Objective,
    TimeSpan WallTime);

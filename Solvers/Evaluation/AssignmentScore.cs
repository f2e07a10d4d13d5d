namespace QuantumScheduler.Solvers.Evaluation;

/// <summary>
/// The score <see cref="ObjectiveEvaluator"/> gives one assignment: the same numbers the feasibility
/// checker reports, without the violation details. <see cref="HardViolation"/> equals minus the
/// checker's hard score.
/// </summary>
public readonly record struct AssignmentScore(ObjectiveTerms Terms, double Objective, double SoftPenalty, double PenalizedObjective, double HardViolation)
{
    public bool IsFeasible => HardViolation == 0;
}

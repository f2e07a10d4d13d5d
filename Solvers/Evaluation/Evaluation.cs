namespace QuantumScheduler.Solvers.Evaluation;

/// <summary>
/// What <see cref="ObjectiveEvaluator"/> found for one assignment: the same numbers the feasibility
/// checker reports, without the violation details. <see cref="HardViolation"/> equals minus the
/// checker's hard score.
/// </summary>
public readonly record struct Evaluation(ObjectiveTerms Terms, double Objective, double SoftPenalty, double PenalizedObjective, double HardViolation)
{
    public bool IsFeasible => HardViolation == 0;
}

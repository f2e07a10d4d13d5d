using QuantumScheduler.Solvers.Evaluation;

namespace QuantumScheduler.Solvers.Checking;

/// <summary>
/// The verdict of the feasibility checker on one schedule.
/// <para>
/// Scores follow the usual hard/soft convention: <see cref="HardScore"/> is minus the sum of hard
/// violation amounts (0 exactly when feasible); <see cref="SoftScore"/> is minus the sum of soft
/// penalties. <see cref="Objective"/> is the objective's value in the problem's sense;
/// <see cref="PenalizedObjective"/> adds the soft penalties in that sense (added when minimising,
/// subtracted when maximising) and is the single number backends compare.
/// </para>
/// </summary>
public sealed record CheckResult
{
    public required IReadOnlyList<Violation> Violations { get; init; }

    public required double HardScore { get; init; }

    public required double SoftScore { get; init; }

    public required ObjectiveTerms Terms { get; init; }

    public required double Objective { get; init; }

    public required double PenalizedObjective { get; init; }

    /// <summary>No hard violation.</summary>
    public bool IsFeasible => Violations.All(v => !v.IsHard);
}

using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Evaluation;

/// <summary>
/// The four objective terms of one schedule. Which of them is "the objective" depends on
/// <see cref="Objective.Kind"/>; <see cref="ValueOf"/> is the one place that decides.
/// </summary>
public readonly record struct ObjectiveTerms(double TotalCost, double Makespan, double WeightedTardiness, double LoadBalance)
{
    /// <summary>The objective value these terms give under <paramref name="objective"/>.</summary>
    public double ValueOf(Objective objective) => objective.Kind switch
    {
        ObjectiveKind.TotalCost => TotalCost,
        ObjectiveKind.Makespan => Makespan,
        ObjectiveKind.WeightedTardiness => WeightedTardiness,
        ObjectiveKind.LoadBalance => LoadBalance,
        ObjectiveKind.WeightedMix => objective.Weights.Cost * TotalCost
                                     + objective.Weights.Makespan * Makespan
                                     + objective.Weights.WeightedTardiness * WeightedTardiness
                                     + objective.Weights.LoadBalance * LoadBalance,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective.Kind, "Unknown objective kind."),
    };

    /// <summary>Whether the objective needs task times (makespan or tardiness with a non-zero weight).</summary>
    public static bool NeedsTimes(Objective objective) => objective.Kind switch
    {
        ObjectiveKind.Makespan or ObjectiveKind.WeightedTardiness => true,
        ObjectiveKind.WeightedMix => objective.Weights.Makespan != 0 || objective.Weights.WeightedTardiness != 0,
        _ => false,
    };

    /// <summary>The objective with soft penalties applied in the problem's sense.</summary>
    public static double Penalize(double objective, double softPenalty, ObjectiveSense sense) =>
        sense == ObjectiveSense.Maximize ? objective - softPenalty : objective + softPenalty;

    /// <summary>
    /// An agent's contribution to <see cref="LoadBalance"/>: load ÷ capacity, or the load itself when the
    /// capacity is unlimited or zero (a ratio is meaningless there).
    /// </summary>
    public static double LoadRatio(double load, double capacity) =>
        double.IsPositiveInfinity(capacity) || capacity <= 0 ? load : load / capacity;
}

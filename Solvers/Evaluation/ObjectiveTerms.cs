using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Evaluation;

/// <summary>
/// The four objective terms of one schedule. Which of them is "the objective" depends on
/// <see cref="Objective.Kind"/>; <see cref="EffectiveWeights"/> is the one place that decides.
/// </summary>
public readonly record struct ObjectiveTerms(double TotalCost, double Makespan, double WeightedTardiness, double LoadBalance)
{
    /// <summary>The objective value these terms give under <paramref name="objective"/>; terms with weight 0 are not read.</summary>
    public double ValueOf(Objective objective)
    {
        var weights = EffectiveWeights(objective);
        var value = 0.0;
        if (weights.Cost != 0) value += weights.Cost * TotalCost;
        if (weights.Makespan != 0) value += weights.Makespan * Makespan;
        if (weights.WeightedTardiness != 0) value += weights.WeightedTardiness * WeightedTardiness;
        if (weights.LoadBalance != 0) value += weights.LoadBalance * LoadBalance;
        return value;
    }

    /// <summary>The weight of each term under an objective: the mix's weights, or 1 for the single term a kind names.</summary>
    public static ObjectiveWeights EffectiveWeights(Objective objective) => objective.Kind switch
    {
        ObjectiveKind.TotalCost => new ObjectiveWeights { Cost = 1 },
        ObjectiveKind.Makespan => new ObjectiveWeights { Cost = 0, Makespan = 1 },
        ObjectiveKind.WeightedTardiness => new ObjectiveWeights { Cost = 0, WeightedTardiness = 1 },
        ObjectiveKind.LoadBalance => new ObjectiveWeights { Cost = 0, LoadBalance = 1 },
        ObjectiveKind.WeightedMix => objective.Weights,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective.Kind, "Unknown objective kind."),
    };

    /// <summary>Whether the objective needs task times (makespan or tardiness with a non-zero weight).</summary>
    public static bool NeedsTimes(Objective objective)
    {
        var weights = EffectiveWeights(objective);
        return weights.Makespan != 0 || weights.WeightedTardiness != 0;
    }

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

using QuantumScheduler.Solvers.Model;

namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>The weight of each objective term the MIP models, read from an <see cref="Objective"/>.</summary>
internal readonly record struct MipObjectiveWeights(double Cost, double Makespan, double LoadBalance, double Tardiness)
{
    public static MipObjectiveWeights Of(Objective objective) => objective.Kind switch
    {
        ObjectiveKind.TotalCost => new(1, 0, 0, 0),
        ObjectiveKind.Makespan => new(0, 1, 0, 0),
        ObjectiveKind.LoadBalance => new(0, 0, 1, 0),
        ObjectiveKind.WeightedTardiness => new(0, 0, 0, 1),
        ObjectiveKind.WeightedMix => new(objective.Weights.Cost, objective.Weights.Makespan, objective.Weights.LoadBalance, objective.Weights.WeightedTardiness),
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective.Kind, "unknown objective kind"),
    };
}

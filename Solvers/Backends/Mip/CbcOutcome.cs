namespace QuantumScheduler.Solvers.Backends.Mip;

/// <summary>What <c>Cbc_solve</c> left behind, read before the native model is freed.</summary>
/// <param name="Solution">The best integer solution's column values, or null when CBC found none.</param>
/// <param name="Objective">Its objective value in the model's sense.</param>
/// <param name="BestPossible">CBC's proven bound in the model's sense.</param>
/// <param name="ProvenOptimal">CBC finished its search with that solution (or within the target gap).</param>
/// <param name="ProvenInfeasible">CBC proved there is no feasible solution.</param>
/// <param name="SecondaryStatus">CBC's reason for stopping (2 = gap, 4 = time; see <c>Cbc_secondaryStatus</c>).</param>
/// <param name="Nodes">Branch-and-bound nodes explored.</param>
internal sealed record CbcOutcome(
    double[]? Solution,
    double Objective,
    double BestPossible,
    bool ProvenOptimal,
    bool ProvenInfeasible,
    int SecondaryStatus,
    int Nodes)
{
    public const int StoppedOnGap = 2;
    public const int StoppedOnTime = 4;
}

namespace QuantumScheduler.Grains.Selection;

/// <summary>
/// A backend selection strategy (<c>hybrid</c>, <c>adaptive_performance</c>, <c>cost_optimized</c>, or a named
/// backend): ranks the backends that may solve a problem, best first. The job tries them in order (retrying each per
/// the retry policy) and falls back down the list.
/// </summary>
public interface IBackendSelector
{
    /// <summary>The strategy's name as configured and submitted.</summary>
    string Name { get; }

    /// <summary>Candidates best first. Already excludes disabled backends, backends whose limits the problem exceeds,
    /// backends that refuse the problem's features, and backends whose breaker is open. Empty when none can run it;
    /// <paramref name="refusals"/> then says why for each backend.</summary>
    Task<IReadOnlyList<string>> RankAsync(BackendSelectionRequest request, ICollection<string> refusals, CancellationToken cancellationToken);
}

/// <summary>What a strategy knows about the problem and the caller's wishes.</summary>
public sealed record BackendSelectionRequest
{
    /// <summary>The compiled problem (sizes, features) the strategy checks against backend capabilities.</summary>
    public required Solvers.Model.ProblemInstance Problem { get; init; }

    /// <summary>Task-agent variables (the size that <c>max_problem_size</c> limits).</summary>
    public required int ProblemSize { get; init; }

    /// <summary>For <c>cost_optimized</c>: the largest acceptable relative gap.</summary>
    public double? QualityTarget { get; init; }

    /// <summary>For <c>cost_optimized</c>: what the tenant may still spend; null = unlimited.</summary>
    public decimal? RemainingBudget { get; init; }

    public required TimeSpan TimeLimit { get; init; }
}

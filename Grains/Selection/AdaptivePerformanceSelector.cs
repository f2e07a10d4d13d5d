using Microsoft.Extensions.Options;
using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Configuration;

namespace QuantumScheduler.Grains.Selection;

/// <summary>
/// <c>adaptive_performance</c>: learns from the Backend grains' statistics in the problem's size class. Candidates are
/// ranked by <see cref="AdaptivePerformanceScore"/>, ties (and every backend without data, which all score the prior)
/// in <see cref="HybridOrder"/>, so with no data at all this is the hybrid order. With probability
/// <see cref="SelectionOptions.ExplorationRate"/> a random other candidate goes first so that backends without data
/// earn some; the draws come from one generator seeded by <see cref="SelectionOptions.ExplorationSeed"/>, so a seeded
/// selector ranks the same sequence of requests the same way.
/// </summary>
public sealed class AdaptivePerformanceSelector : BackendSelector
{
    private readonly SelectionOptions _options;
    private readonly Random _random;
    private readonly Lock _randomLock = new();

    public AdaptivePerformanceSelector(BackendCatalog catalog, BackendCandidateFilter filter, IOptions<SelectionOptions> options)
        : base(catalog, filter)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _random = _options.ExplorationSeed is { } seed ? new Random(seed) : new Random();
    }

    public override string Name => BackendStrategyNames.AdaptivePerformance;

    protected override ValueTask<IReadOnlyList<BackendCandidate>> OrderAsync(
        IReadOnlyList<BackendCandidate> candidates, BackendSelectionRequest request, ICollection<string> refusals, CancellationToken cancellationToken)
    {
        var sizeClass = ProblemSizeClass.Of(request.ProblemSize);
        var ranked = HybridOrder.Order(candidates, request.ProblemSize)
            .OrderByDescending(candidate =>
                AdaptivePerformanceScore.Of(candidate.Info.Stats, sizeClass, request.TimeLimit, _options.MinSamples) ?? AdaptivePerformanceScore.Prior)
            .ToList();
        if (ranked.Count > 1 && Explores(ranked.Count, out var promoted))
        {
            var explored = ranked[promoted];
            ranked.RemoveAt(promoted);
            ranked.Insert(0, explored);
        }
        return ValueTask.FromResult<IReadOnlyList<BackendCandidate>>(ranked);
    }

    private bool Explores(int count, out int promoted)
    {
        lock (_randomLock)
        {
            promoted = 0;
            if (_random.NextDouble() >= _options.ExplorationRate)
                return false;
            promoted = 1 + _random.Next(count - 1);
            return true;
        }
    }
}

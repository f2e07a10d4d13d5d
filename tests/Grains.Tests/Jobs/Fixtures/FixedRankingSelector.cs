using QuantumScheduler.Grains.Selection;

namespace QuantumScheduler.Grains.Tests.Jobs.Fixtures;

/// <summary>A test-only strategy that ranks a fixed list of backends, so fallback order is known.</summary>
public sealed class FixedRankingSelector(string name, params string[] ranking) : IBackendSelector
{
    public string Name { get; } = name;

    public Task<IReadOnlyList<string>> RankAsync(BackendSelectionRequest request, ICollection<string> refusals, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(ranking);
}

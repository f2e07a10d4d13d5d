using QuantumScheduler.Grains.Backends;
using QuantumScheduler.Grains.Selection;

namespace QuantumScheduler.Grains.Tests.Selection;

/// <summary>Backend info and breakers set by the test; unset ones are healthy, without statistics, and closed.</summary>
internal sealed class FakeBackendStatusSource : IBackendStatusSource
{
    public Dictionary<string, BackendStats> Stats { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Unhealthy { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, BreakerSnapshot> Breakers { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> BreakerReads { get; } = [];

    public Task<BackendInfo> GetInfoAsync(string backend, CancellationToken cancellationToken) => Task.FromResult(new BackendInfo
    {
        Name = backend,
        Family = "classical",
        Enabled = true,
        Available = true,
        Healthy = !Unhealthy.Contains(backend),
        Stats = Stats.GetValueOrDefault(backend) ?? new BackendStats(),
    });

    public Task<BreakerSnapshot> GetBreakerAsync(string backend, CancellationToken cancellationToken)
    {
        BreakerReads.Add(backend);
        return Task.FromResult(Breakers.GetValueOrDefault(backend) ?? new BreakerSnapshot { Backend = backend, State = BreakerState.Closed });
    }

    /// <summary>Statistics with one size class.</summary>
    public void SetStats(string backend, string sizeClass, int attempts, double successRate = 1, double? p50Ms = null, double? gap = null, double feasibleRate = 1) =>
        Stats[backend] = new BackendStats
        {
            Attempts = attempts,
            SuccessRate = successRate,
            BySize = [new SizeClassStats { SizeClass = sizeClass, Attempts = attempts, SuccessRate = successRate, LatencyP50Ms = p50Ms, MeanQualityGap = gap, FeasibleRate = feasibleRate }],
        };
}

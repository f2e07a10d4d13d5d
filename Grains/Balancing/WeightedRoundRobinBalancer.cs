using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Balancing;

/// <summary>
/// <c>weighted_round_robin</c>, smooth as in nginx: every choice adds each eligible worker's weight to its current
/// value, picks the largest (the first on a tie) and subtracts the total weight from it. Weights 5:1:1 give
/// a a b a c a a — the heavy worker's turns spread out instead of coming in a burst. Workers with a weight ≤ 0 are
/// never chosen.
/// </summary>
public sealed class WeightedRoundRobinBalancer(int maxQueueLength) : WorkerBalancer(maxQueueLength)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, double> _current = new(StringComparer.Ordinal);

    public override string Name => WorkerBalancerNames.WeightedRoundRobin;

    protected override string Choose(IReadOnlyList<WorkerLoad> workers, Func<WorkerLoad, bool> eligible)
    {
        lock (_lock)
        {
            // Workers that left the list start from zero if they come back.
            foreach (var gone in _current.Keys.Where(id => workers.All(w => w.WorkerId != id)).ToList())
                _current.Remove(gone);

            var candidates = workers.Where(w => eligible(w) && w.Weight > 0).ToList();
            if (candidates.Count == 0)
                return workers.First(eligible).WorkerId;

            var total = 0.0;
            WorkerLoad? best = null;
            foreach (var worker in candidates)
            {
                var current = _current.GetValueOrDefault(worker.WorkerId) + worker.Weight;
                _current[worker.WorkerId] = current;
                total += worker.Weight;
                if (best is null || current > _current[best.WorkerId])
                    best = worker;
            }
            _current[best!.WorkerId] -= total;
            return best.WorkerId;
        }
    }
}

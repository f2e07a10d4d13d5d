using QuantumScheduler.Grains.Balancing;
using QuantumScheduler.Grains.Workers;

namespace QuantumScheduler.Grains.Tests.Jobs.Fixtures;

/// <summary>A minimal test-only balancer (the real ones come with the selection and balancing work): the healthy
/// worker with the fewest running and queued solves.</summary>
public sealed class FewestConnectionsBalancer : IWorkerBalancer
{
    public string Name => "least_connections";

    public string? Choose(IReadOnlyList<WorkerLoad> workers) =>
        workers.Where(static w => w.Healthy).OrderBy(static w => w.Running + w.Queued).ThenBy(static w => w.WorkerId, StringComparer.Ordinal).FirstOrDefault()?.WorkerId;
}
